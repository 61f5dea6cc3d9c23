import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify from 'fastify';

/**
 * The API's security headers (helmet's), worked out once at start-up.
 *
 * @fastify/helmet calls `helmet(options)` on every request: it validates the options and rebuilds every header,
 * Content-Security-Policy included, each time, through two hooks, one of them async. The headers depend on the
 * options only (no per-request nonce, no function directive here), so they are computed here by answering one
 * request of a throw-away Fastify instance with the plugin registered, and kept: what a request then costs is
 * setting a dozen constant headers. The same plugin and options produce them, so they stay exactly helmet's.
 */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const answer = async (withHelmet: boolean) => {
    const probe = Fastify({ logger: false });
    if (withHelmet) await probe.register(fastifyHelmet, options);
    probe.get('/', async () => ({}));
    const res = await probe.inject({ method: 'GET', url: '/' });
    await probe.close();
    return res.headers;
  };
  const [plain, helmeted] = await Promise.all([answer(false), answer(true)]);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(helmeted)) {
    if (name in plain || value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  if (!headers['content-security-policy']) throw new Error('helmet produced no Content-Security-Policy: its options are wrong');
  return headers;
}
