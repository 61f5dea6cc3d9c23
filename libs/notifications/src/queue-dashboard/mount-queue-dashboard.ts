import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { QUEUES } from '@masar/queue';
import { QUEUE_DASHBOARD_COOKIE, QUEUE_DASHBOARD_PATH } from './queue-dashboard-access.controller';

function cookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/**
 * Mounts bull-board at /admin/queues on the API's Fastify instance, for admins only: every request to it (page,
 * assets, API) is first checked by the Nest guard through /admin/queues-access, with the caller's bearer token or
 * the dashboard cookie. Call it in the API bootstrap before `app.init()`.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const root = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const board = new BullBoardFastifyAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: QUEUES.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    // @bull-board/fastify pins its own copy of @bull-board/api (a patch version apart): same interface.
    serverAdapter: board as never,
    options: { uiConfig: { boardTitle: 'Masar queues' } },
  });

  const admit = async (request: FastifyRequest, reply: FastifyReply) => {
    const fromCookie = cookie(request, QUEUE_DASHBOARD_COOKIE);
    const authorization = request.headers.authorization ?? (fromCookie ? `Bearer ${fromCookie}` : undefined);
    const verdict = await root.inject({ method: 'GET', url: '/admin/queues-access', headers: authorization ? { authorization } : {} });
    if (verdict.statusCode === 204) return;
    reply
      .code(verdict.statusCode === 403 ? 403 : 401)
      .header('content-type', 'application/problem+json')
      .send(verdict.statusCode === 403 || verdict.statusCode === 401 ? verdict.body : JSON.stringify({ status: 401, title: 'Unauthenticated', code: 'UNAUTHENTICATED' }));
    return reply;
  };

  await app.register(
    (async (instance: FastifyInstance) => {
      // Encapsulated: the hook guards the dashboard's routes only.
      instance.addHook('onRequest', admit);
      await instance.register(board.registerPlugin() as never);
    }) as never,
    { prefix: QUEUE_DASHBOARD_PATH } as never,
  );
}
