import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { PinoLogger } from 'nestjs-pino';

/** Liveness probes every few seconds would drown the log. */
const NOT_LOGGED = new Set(['/health/live']);

/**
 * The access record: one line per answered request, written when the response has gone out, with the request id
 * (also sent back as X-Request-Id), the method, the path without its query string (query strings can carry
 * references), the status and the time taken. Errors at `error`, refusals at `warn`, the rest at `info`.
 *
 * A Fastify `onResponse` hook rather than pino-http: no child logger per request, no serialising of the request
 * and response objects (with every response header), and no Express-style middleware layer in front of each route.
 */
export function installRequestLog(fastify: FastifyInstance, logger: Logger = PinoLogger.root): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const url = request.url;
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    if (!NOT_LOGGED.has(path)) {
      const status = reply.statusCode;
      const line = { reqId: request.id, method: request.method, path, status, ms: Math.round(reply.elapsedTime * 10) / 10 };
      if (status >= 500) logger.error(line, 'request failed');
      else if (status >= 400) logger.warn(line, 'request refused');
      else logger.info(line, 'request completed');
    }
    done();
  });
}
