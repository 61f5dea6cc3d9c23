/**
 * The bare baseline of `POST /status`: Fastify and a `pg` pool, no Nest, no validation pipe, no rate limiting, no
 * logging, running the status context's own look-up statement (the same SQL text, read from a copy kept in sync
 * below) and the same constant-time access-code comparison. What the real route costs beyond this is the price of
 * the framework, validation, the rate-limit peeks and the answer building.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';
import { accessCodeMatches, hashAccessCode, parseReference } from '@masar/cases';

// The status context's statement (libs/status/src/lookup/status-facts.query.ts), copied as it is: the same
// indexes, the same lock look-up in status_blocks, one row whatever the reference.
const BY_REFERENCE = `
  select a.id, a.reference, a.access_code_hash, a.kind, a.state, o.name as office_name, p.preferred_language,
         a.interview, a.interview_held_at is not null as interview_held, ev.events,
         ceil(extract(epoch from greatest(
           (select blocked_until from status_blocks where scope = 'reference' and key = q.reference),
           (select blocked_until from status_blocks where scope = 'address' and key = q.address),
           now()) - now()))::int as blocked_for
    from (select $1::text as reference, $2::text as address) q
    left join applications a on a.reference = q.reference
    left join applicants p on p.id = a.applicant_id
    left join offices o on o.id = a.office_id
    left join lateral (
      select jsonb_object_agg(e.type, e.params) as events
        from (select distinct on (type) type, params
                from case_events
               where application_id = a.id and type in ('documents_requested', 'decision_unfavourable', 'card_ready')
               order by type, occurred_at desc) e
    ) ev on true`;

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
    if (row?.blocked_for > 0) return reply.code(429).send({ status: 429 });
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
