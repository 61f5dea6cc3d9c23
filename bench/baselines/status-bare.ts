/**
 * The bare baseline of `POST /status`: Fastify and a `pg` pool, no Nest, no validation, no rate limiting, no
 * logging, running the very statement of the real route (built by the cases context's read port from the status
 * context's lock look-up, both imported, so the text cannot drift) as a named prepared statement, and the same
 * constant-time access-code comparison. What the real route costs beyond this is the price of the framework,
 * validation, the answer building and the request log.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';
import { accessCodeMatches, applicationStatusByReferenceSql, hashAccessCode, parseReference } from '@masar/cases';
import { BLOCKED_FOR_SQL } from '@masar/status';

const BY_REFERENCE = applicationStatusByReferenceSql(BLOCKED_FOR_SQL);

async function main(): Promise<void> {
  const key = Buffer.from(process.env.ACCESS_CODE_KEY ?? '', 'base64');
  if (key.length !== 32) throw new Error('ACCESS_CODE_KEY (base64, 32 bytes) is required');
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 20) });
  const noFile = hashAccessCode('no-file-has-this-code', key);
  const app = Fastify({ logger: false });
  app.post('/status', async (req, reply) => {
    const body = req.body as { reference?: unknown; accessCode?: unknown };
    if (typeof body?.reference !== 'string' || typeof body.accessCode !== 'string') return reply.code(400).send({ status: 400 });
    const reference = parseReference(body.reference);
    if (!reference) return reply.code(404).send({ status: 404 });
    const { rows } = await pool.query({ name: 'status-by-reference', text: BY_REFERENCE, values: [reference, req.ip] });
    const row = rows[0];
    if (row?.alongside > 0) return reply.code(429).send({ status: 429 });
    if (!accessCodeMatches(body.accessCode, row?.access_code_hash ?? noFile, key) || !row?.id) return reply.code(404).send({ status: 404 });
    reply.header('cache-control', 'no-store');
    return { reference: row.reference, kind: row.kind, state: row.state, office: row.office_name, language: row.preferred_language, interview: row.interview, events: row.events ?? {} };
  });
  app.get('/health/live', async () => ({ status: 'ok' }));
  await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 3101) });
  console.log(`bare status server listening on ${process.env.PORT}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
