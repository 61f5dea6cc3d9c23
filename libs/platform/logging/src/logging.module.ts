import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { redactPaths } from './redaction';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface LoggingOptions {
  level?: string;
  /** Pretty output for a person at a terminal; JSON otherwise. */
  pretty?: boolean;
}

export function loggerOptions(opts: LoggingOptions = {}) {
  const level = opts.level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info');
  return {
    level,
    redact: { paths: redactPaths(), censor: '[redacted]' },
    transport: opts.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
}

@Module({})
export class LoggingModule {
  static forRoot(opts: LoggingOptions = {}): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            ...loggerOptions(opts),
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            // Query strings can carry references; log the path only.
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url?.split('?')[0] }),
            },
            customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
              err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
            autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health/live' },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
