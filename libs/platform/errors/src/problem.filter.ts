import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, problemType, type Problem } from './domain-error';

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** PostgreSQL and driver errors meaning "the database is not reachable right now": answer 503, not 500. */
const UNAVAILABLE_PG_CODES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

export function isUnavailableError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: string; message?: string; name?: string; driverError?: unknown };
  // TypeORM's own wording when the server ended the connection under a transaction (a restart, a failover): the
  // runner's connection is released on the error, and the next query or the COMMIT finds it gone (a clean-clone
  // reliability run caught QueryRunnerAlreadyReleasedError at COMMIT during a PostgreSQL restart: it answered 500).
  if (e.name === 'QueryRunnerProviderAlreadyReleasedError' || e.name === 'QueryRunnerAlreadyReleasedError' || e.name === 'ConnectionIsNotSetError') return true;
  if (e.code && (UNAVAILABLE_PG_CODES.has(e.code) || UNAVAILABLE_NODE_CODES.has(e.code))) return true;
  if (e.driverError && isUnavailableError(e.driverError)) return true;
  const m = e.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)|terminating connection/i.test(m);
}

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): unknown;
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<ReplyLike>();
    const request = http.getRequest<{ url?: string; id?: string }>();
    const { problem, headers } = this.toProblem(exception, request?.id);
    if (request?.url) problem.instance = request.url.split('?')[0];
    reply.status(problem.status);
    reply.header('content-type', 'application/problem+json; charset=utf-8');
    for (const [k, v] of Object.entries(headers)) reply.header(k, v);
    reply.send(problem);
  }

  toProblem(exception: unknown, requestId?: string): { problem: Problem; headers: Record<string, string> } {
    if (exception instanceof DomainError) {
      return {
        problem: {
          type: problemType(exception.code),
          title: exception.title,
          status: exception.status,
          detail: exception.detail,
          code: exception.code,
          ...exception.extra,
        },
        headers: exception.headers,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const code = HTTP_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'HTTP_' + status);
      const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
      const headers: Record<string, string> = {};
      if (status === 503) headers['Retry-After'] = '5';
      return {
        problem: {
          type: problemType(code),
          title: exception.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
          status,
          detail: Array.isArray(message) ? message.join('; ') : String(message),
          code,
        },
        headers,
      };
    }
    // Fastify's own errors (body too large, bad JSON, wrong content type) carry a statusCode.
    const fe = exception as { statusCode?: number; code?: string; message?: string };
    if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      const code = HTTP_CODES[fe.statusCode] ?? 'BAD_REQUEST';
      return {
        problem: { type: problemType(code), title: code.replace(/_/g, ' ').toLowerCase(), status: fe.statusCode, detail: fe.message, code },
        headers: {},
      };
    }
    const errorId = randomUUID();
    if (isUnavailableError(exception)) {
      this.logger.warn({ errorId, requestId, err: exception }, 'dependency unavailable');
      return {
        problem: {
          type: problemType('SERVICE_UNAVAILABLE'),
          title: 'Service unavailable',
          status: 503,
          detail: 'A service Masar depends on is not answering; try again shortly.',
          code: 'SERVICE_UNAVAILABLE',
          errorId,
        },
        headers: { 'Retry-After': '5' },
      };
    }
    this.logger.error({ errorId, requestId, err: exception }, 'unexpected error');
    return {
      problem: {
        type: problemType('INTERNAL'),
        title: 'Internal error',
        status: 500,
        detail: `Something went wrong on our side. Quote this error id if you contact support: ${errorId}`,
        code: 'INTERNAL',
        errorId,
      },
      headers: {},
    };
  }
}
