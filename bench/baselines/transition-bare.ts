/**
 * The bare baseline of a transition: Fastify and a `pg` pool running, in one READ COMMITTED transaction, the
 * statements the cases context's PerformTransition writes for the two actions the benchmark cycles through
 * (captured from the real API with a query log): lock the file, update it with its version check, the history row,
 * the information-request clock (start, or stop) with its outbox message and the file's due date, the case event,
 * the notification request and its outbox message (request_documents only), and the audit link by `audit_append`.
 * No Nest, no authentication, no access scope, no workflow engine, no ORM entity load.
 */
import Fastify from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { canonicalBody, type AuditEventBody } from '../../libs/audit/src/chain/audit-hash';

function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 20) });
  const app = Fastify({ logger: false });
  app.post('/applications/:id/transitions', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const body = req.body as { action: string; expectedVersion: number; actorId: string; data?: { requested?: string[] } };
    const c: PoolClient = await pool.connect();
    try {
      await c.query('begin isolation level read committed');
      const { rows } = await c.query(
        `select a.id, a.version, a.state, a.reference, a.applicant_id, p.user_id from applications a join applicants p on p.id = a.applicant_id
          where a.id = $1 for update of a`,
        [id],
      );
      const a = rows[0];
      if (!a) {
        await c.query('rollback');
        return reply.code(404).send({ status: 404 });
      }
      if (a.version !== body.expectedVersion) {
        await c.query('rollback');
        return reply.code(409).send({ status: 409 });
      }
      const now = new Date();
      const [from, to] = body.action === 'request_documents' ? ['completeness_check', 'awaiting_documents'] : ['awaiting_documents', 'completeness_check'];
      if (a.state !== from) {
        await c.query('rollback');
        return reply.code(422).send({ status: 422 });
      }
      const version = a.version + 1;
      await c.query(`update applications set state = $3, final = $4, version = $5, updated_at = $6 where id = $1 and version = $2`, [id, a.version, to, false, version, now]);
      const h = await c.query(
        `insert into case_history (application_id, version, action, from_state, to_state, actor_id, actor_role, reason, data, at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10) returning id`,
        [id, version, body.action, from, to, body.actorId, 'caseworker', null, JSON.stringify(body.action === 'request_documents' ? { requested: body.data?.requested ?? [] } : {}), now],
      );
      const historyId = h.rows[0].id as string;
      if (body.action === 'request_documents') {
        const due = new Date(now.getTime() + 30 * 86_400_000);
        const d = await c.query(
          `insert into case_deadlines (application_id, clock, started_at, due_at, milestones, next_at) values ($1, $2, $3, $4, $5::jsonb, $6) returning id`,
          [id, 'information_request', now, due, JSON.stringify([{ milestone: 'end', at: due.toISOString() }]), due],
        );
        await c.query(
          `insert into outbox_messages (id, job_name, queue, payload, available_at) values ($1::uuid, $2, $3, $4::jsonb, coalesce($5::timestamptz, now())) on conflict (id) do nothing`,
          [uuidFrom(`${d.rows[0].id}:end`), 'cases.clock.changed', 'cases', JSON.stringify({ applicationId: id }), due.toISOString()],
        );
        await c.query(`update applications set due_at = coalesce((select min(due_at) from case_deadlines where application_id = $1 and stopped_at is null), 'infinity') where id = $1`, [id]);
        const params = { reference: a.reference, documents: body.data?.requested ?? [], dueDate: due.toISOString().slice(0, 10) };
        const ev = await c.query(
          `insert into case_events (application_id, history_id, type, params, occurrence_key) values ($1, $2, $3, $4::jsonb, $5)
           on conflict (application_id, type, occurrence_key) do nothing returning id`,
          [id, historyId, 'documents_requested', JSON.stringify(params), historyId],
        );
        const notificationId = randomUUID();
        await c.query(
          `insert into notifications (id, event, occurrence_key, application_id, recipient_id, params) values ($1, $2, $3, $4, $5, $6::jsonb)
           on conflict (event, occurrence_key, recipient_id) do nothing returning id`,
          [notificationId, 'information.requested', historyId, id, a.applicant_id, JSON.stringify(params)],
        );
        await c.query(
          `insert into outbox_messages (id, job_name, queue, payload, available_at) values ($1::uuid, $2, $3, $4::jsonb, coalesce($5::timestamptz, now())) on conflict (id) do nothing`,
          [notificationId, 'notifications.dispatch', 'notifications', JSON.stringify({ notificationId }), null],
        );
        await c.query(`update case_events set notification_id = $2 where id = $1`, [ev.rows[0].id, notificationId]);
      } else {
        await c.query(`update case_deadlines set stopped_at = $3, next_at = null where application_id = $1 and clock = any($2) and stopped_at is null`, [id, ['information_request'], now]);
        await c.query(`update applications set due_at = coalesce((select min(due_at) from case_deadlines where application_id = $1 and stopped_at is null), 'infinity') where id = $1`, [id]);
      }
      const event: AuditEventBody = {
        id: randomUUID(),
        occurredAt: new Date().toISOString(),
        action: 'case.transition',
        actorId: body.actorId,
        actorRole: 'caseworker',
        subjectType: 'application',
        subjectId: id,
        applicationId: id,
        fields: ['final', 'state', 'updated_at', 'version'],
        details: { transition: body.action, from, to, version, historyId },
        requestId: null,
        ip: '127.0.0.1',
      };
      await c.query('select seq from audit_append($1::jsonb, $2)', [JSON.stringify(event), canonicalBody(event)]);
      await c.query('commit');
      return { id, state: to, version, historyId };
    } catch (e) {
      await c.query('rollback').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  });
  await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 3103) });
  console.log(`bare transition server listening on ${process.env.PORT}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
