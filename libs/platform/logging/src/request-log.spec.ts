import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import { loggerOptions } from './logging.module';
import { installRequestLog } from './request-log';

describe('the access record', () => {
  let app: FastifyInstance;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    app = Fastify({ logger: false });
    installRequestLog(app, pino({ ...loggerOptions({ level: 'info' }), transport: undefined }, stream));
    app.post('/status', async () => ({ ok: true }));
    app.get('/boom', async () => {
      throw new Error('boom');
    });
    app.get('/health/live', async () => ({ status: 'ok' }));
    await app.ready();
  });
  afterAll(() => app.close());
  beforeEach(() => (lines.length = 0));

  it('writes one line per request: id, method, path without its query, status and time', async () => {
    await app.inject({ method: 'POST', url: '/status?reference=MA-7K3Q-9XWD', payload: { accessCode: 'K7Q3-9XWD' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'request completed', reqId: 'req-1', method: 'POST', path: '/status', status: 200 });
    expect(typeof lines[0]!.ms).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/MA-7K3Q|K7Q3/);
  });

  it('writes refusals as warnings and failures as errors, and leaves liveness probes out', async () => {
    await app.inject({ method: 'GET', url: '/nowhere' });
    await app.inject({ method: 'GET', url: '/boom' });
    await app.inject({ method: 'GET', url: '/health/live' });
    expect(lines.map((l) => [l.level, l.path, l.status])).toEqual([
      [40, '/nowhere', 404],
      [50, '/boom', 500],
    ]);
  });
});
