/**
 * The bare baseline of `GET /work-queue` (the office view of one caseworker, sorted by deadline, keyset pages):
 * Fastify and a `pg` pool running the statement the cases context builds for that view (its exported
 * `workQueueSql`, so the SQL is the same text), with the same cursor, page size and item fields. No Nest, no
 * authentication, no access look-up, no validation, no logging.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';
import { workQueueSql } from '@masar/cases';

async function main(): Promise<void> {
  const officeId = process.env.BENCH_OFFICE_ID;
  if (!officeId) throw new Error('BENCH_OFFICE_ID is required');
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 20) });
  const app = Fastify({ logger: false });
  app.get('/work-queue', async (req, reply) => {
    const q = req.query as { cursor?: string; limit?: string };
    const limit = Math.min(Math.max(Number(q.limit ?? 25), 1), 100);
    const built = workQueueSql(
      { userId: '00000000-0000-0000-0000-000000000000', role: 'caseworker', officeId, regionCode: null, nationalCommission: false },
      { kind: 'offices', officeIds: [officeId] },
      { view: 'office', cursor: q.cursor },
      limit,
      new Date(),
    )!;
    const { rows } = await pool.query(built.sql, built.params);
    const page = rows.slice(0, limit);
    const now = Date.now();
    const items = page.map((r) => {
      const due = typeof r.due_at === 'number' ? null : new Date(r.due_at);
      const finite = due && Number.isFinite(due.getTime()) ? due : null;
      return { id: r.id, reference: r.reference, kind: r.kind, category: r.category, state: r.state, nationality: r.nationality, officeId: r.office_id, assigneeId: r.assignee_id, dueAt: finite?.toISOString() ?? null, overdue: !!finite && finite.getTime() < now, version: r.version };
    });
    const last = page[page.length - 1];
    const d = last && Number.isFinite(new Date(last.due_at).getTime()) ? new Date(last.due_at).toISOString() : 'infinity';
    reply.header('cache-control', 'no-store');
    return { items, nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify({ d, i: last.id })).toString('base64url') : null };
  });
  await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 3105) });
  console.log(`bare work-queue server listening on ${process.env.PORT}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
