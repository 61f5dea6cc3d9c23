import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Logger } from 'nestjs-pino';
import type { MasarConfig } from '@masar/config';
import { createValidationPipe, ProblemFilter } from '@masar/errors';
import { enterRequestContext, installRequestLog } from '@masar/logging';
import { mountQueueDashboard } from '@masar/notifications';
import { configureQueueBackend } from '@masar/queue';
import { documentStatusRoute } from '@masar/status';
import { ApiModule } from './api.module';
import { helmetHeaders } from './security-headers';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

function requestIdOf(req: IncomingMessage & { id?: string }): string {
  if (req.id) return req.id;
  const given = req.headers['x-request-id'];
  req.id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  return req.id;
}

/**
 * Builds the HTTP application (used by main.ts and by the end-to-end tests, so that tests exercise exactly what
 * production runs). `config.database.url` must already be resolved.
 */
export async function createApiApp(config: MasarConfig, extraModules: Type<unknown>[] = []): Promise<NestFastifyApplication> {
  const backend = configureQueueBackend({ redisUrl: config.queue.redisUrl, databaseUrl: config.database.url!, prefix: config.queue.prefix });
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    genReqId: (req: IncomingMessage) => requestIdOf(req as IncomingMessage & { id?: string }),
    requestIdHeader: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config, backend, extraModules), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  const fastify = app.getHttpAdapter().getInstance();
  const securityHeaders = await helmetHeaders({
    // The API answers JSON; the docs page needs its own inline assets.
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:', 'blob:'], scriptSrc: ["'self'", "'unsafe-inline'"] },
    },
    crossOriginEmbedderPolicy: false,
  });
  // One synchronous hook per request: the request context (request id, address, user agent, for the audit trail
  // and every log line), the request id sent back, and helmet's headers computed once.
  fastify.addHook('onRequest', (request, reply, done) => {
    enterRequestContext({ requestId: request.id, ip: request.ip, userAgent: request.headers['user-agent'] });
    reply.headers(securityHeaders);
    reply.header('x-request-id', request.id);
    done();
  });
  installRequestLog(fastify);
  app.enableCors({ origin: config.http.corsOrigins.length ? config.http.corsOrigins : false, credentials: false, exposedHeaders: ['x-request-id', 'retry-after'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Masar API')
      .setDescription('Case management for regularisation, asylum and renewal applications. Errors are application/problem+json with a stable `code`.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  documentStatusRoute(document); // a Fastify route of the status module, which Nest's explorer does not see
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await mountQueueDashboard(app); // bull-board at /admin/queues, admins only
  // On SIGTERM/SIGINT: close, then process.exit() rather than re-raising the signal, so that the 'exit' event
  // writes out the last buffered log lines (the log destination is asynchronous; see @masar/logging).
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  return app;
}
