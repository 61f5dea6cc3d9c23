import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { flushLogDestinationSync, processLogDestination, type LogDestination } from './log-destination';
import { CENSOR, redactedErrorSerializer, redactSensitive, SENSITIVE_KEYS } from './redaction';
import { currentRequestContext } from './request-context';

export interface LoggingOptions {
  level?: string;
  /** Pretty output for a person at a terminal; JSON otherwise. */
  pretty?: boolean;
  /** Where JSON lines go: the process's buffered standard output (`processLogDestination()`) unless given. */
  destination?: LogDestination;
}

const LOG_DESTINATION = Symbol('LOG_DESTINATION');

/** Writes out the buffered log lines when the application stops, so that a graceful stop loses none. */
@Injectable()
export class LogFlushOnShutdown implements OnApplicationShutdown {
  constructor(@Inject(LOG_DESTINATION) private readonly destination: LogDestination | null) {}

  onApplicationShutdown(): void {
    if (this.destination) flushLogDestinationSync(this.destination);
  }
}

/**
 * Every line carries the id of the request it was written for (from the request context the HTTP process enters
 * for each request), so no per-request child logger is needed. pino merges its own fields into the returned
 * object, which must therefore be a fresh one.
 */
function requestIdOfLine(): Record<string, unknown> {
  const ctx = currentRequestContext();
  return ctx ? { reqId: ctx.requestId } : {};
}

export function loggerOptions(opts: LoggingOptions = {}) {
  const level = opts.level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info');
  return {
    level,
    mixin: requestIdOfLine,
    formatters: { log: redactSensitive, bindings: redactSensitive },
    // Child loggers' bindings skip the formatters: pino's own redaction censors their sensitive keys, at the top
    // level only (top-level paths cost a property look-up; wildcard paths are what made pino's redaction slow).
    redact: { paths: SENSITIVE_KEYS.map((k) => `["${k}"]`), censor: CENSOR },
    serializers: { err: redactedErrorSerializer(pino.stdSerializers.err) },
    transport: opts.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
}

/**
 * The application's logger (nestjs-pino's, so that Nest's own Logger and `new Logger(...)` write structured JSON).
 * Its per-request HTTP middleware (pino-http) is not installed: the access line of each request is written by
 * `installRequestLog` from a Fastify hook instead, at a fraction of the cost (see request-log.ts). JSON lines go to
 * a buffered asynchronous destination (see log-destination.ts), flushed when the application shuts down.
 */
@Module({})
export class LoggingModule {
  static forRoot(opts: LoggingOptions = {}): DynamicModule {
    const options = loggerOptions(opts);
    // A pretty transport writes from a worker thread of its own; the destination is for JSON lines.
    const destination = opts.pretty ? null : (opts.destination ?? processLogDestination());
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: destination ? [options, destination] : options, forRoutes: [] })],
      providers: [{ provide: LOG_DESTINATION, useValue: destination }, LogFlushOnShutdown],
      exports: [LoggerModule],
    };
  }
}
