import { createHash } from 'node:crypto';
import type { NodeProcess } from '../../../bench/lib/proc';
import { login, submitFile } from '../support/api';
import { effects, fixture, pendingDocuments, sleep, smtpCounts, startApi, startWorker, waitUntil } from '../support/fixture';
import type { ScenarioResult } from '../support/result';

/** The cases context's deterministic outbox id for a clock milestone (CaseClocks: uuid from "<deadline id>:<milestone>"). */
function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/**
 * Two API processes and two worker processes (with their schedules and relays) on one PostgreSQL and one Redis: a
 * stream of submissions through both APIs, document checks, and appeal windows whose clocks end during the run.
 * Each submission's e-mail arrives once, each check is recorded once, each ended clock closes its file once.
 */
export async function scaleOut(redisUrl: string, submissions: number, checks: number): Promise<ScenarioResult> {
  const name = `Two API and two worker processes: ${submissions} submissions, ${checks} checks, appeal clocks ending`;
  const f = await fixture('scale', redisUrl, 2000, { MASAR_SCHEDULES: 'on' });
  const procs: NodeProcess[] = [];
  try {
    const ports = [3311, 3312];
    for (const p of ports) procs.push(await startApi(f, p, `api-scale-${p}`));
    // Appeal windows whose end falls 20 s from now, with their outbox messages due then (as CaseClocks writes them).
    const { rows: clocks } = await f.pg.query(
      `select d.id, d.application_id from case_deadlines d join applications a on a.id = d.application_id
        where d.clock = 'appeal_window' and d.stopped_at is null and a.state = 'appeal_window' order by d.id limit 40`,
    );
    const endAt = new Date(Date.now() + 20_000);
    const deadline = new Date(Date.now() - 12 * 86_400_000);
    for (const c of clocks) {
      await f.pg.query(
        `update case_deadlines set due_at = $2, milestones = $3::jsonb, fired = '{appeal_deadline}', next_at = $4, escalated_at = null where id = $1`,
        [c.id, deadline, JSON.stringify([{ milestone: 'appeal_deadline', at: deadline.toISOString() }, { milestone: 'end', at: endAt.toISOString() }]), endAt],
      );
      await f.pg.query(`insert into outbox_messages (id, job_name, queue, payload, available_at) values ($1, 'cases.clock.changed', 'cases', $2::jsonb, $3) on conflict do nothing`, [
        uuidFrom(`${c.id}:end`),
        JSON.stringify({ applicationId: c.application_id }),
        endAt,
      ]);
    }
    const clockFiles = clocks.map((c) => c.application_id as string);
    const docs = await pendingDocuments(f, checks);
    for (const k of [1, 2]) procs.push(await startWorker(f, `worker-scale-${k}`));
    const auths = await Promise.all(ports.map((p) => login(p, 'caseworker1.rab@synthetic.masar.example')));
    const { rows: people } = await f.pg.query(`select id from applicants where email_enc is not null order by id desc limit $1`, [submissions]);
    const submitted: string[] = [];
    let refused = 0;
    let next = 0;
    await Promise.all(
      [0, 1, 2, 3].map(async (k) => {
        while (next < Math.min(submissions, people.length)) {
          const i = next++;
          const port = ports[i % 2]!;
          const r = await submitFile(port, auths[i % 2]!, people[i].id).catch(() => ({ ok: false, statuses: [0] }) as { ok: boolean; id?: string; statuses: number[] });
          if (r.ok && r.id) submitted.push(r.id);
          else refused++;
          void k;
        }
      }),
    );
    const mails = async () =>
      Number(
        (
          await f.pg.query(
            `select count(*) as n from notification_deliveries d join notifications n on n.id = d.notification_id
              where n.application_id = any($1::uuid[]) and n.event = 'application.submitted' and d.channel = 'email' and d.status = 'sent'`,
            [submitted],
          )
        ).rows[0].n,
      );
    const closes = async () =>
      (await f.pg.query(`select application_id, count(*)::int as n from case_history where application_id = any($1::uuid[]) and action = 'close_unappealed' group by application_id`, [clockFiles])).rows as {
        application_id: string;
        n: number;
      }[];
    const settled = await waitUntil(async () => {
      const e = await effects(f, docs, []);
      return (await mails()) === submitted.length && e.checksRecorded === checks && (await closes()).length === clockFiles.length;
    }, 240_000, 1000);
    await sleep(5000);
    const e = await effects(f, docs, []);
    const sent = await mails();
    const closed = await closes();
    const closedTwice = closed.filter((c) => c.n > 1).length;
    const s = smtpCounts(f);
    const pass = settled && refused === 0 && sent === submitted.length && e.checksRecorded === checks && closed.length === clockFiles.length && closedTwice === 0 && s.duplicated === 0 && s.received === s.distinct;
    return {
      name,
      status: pass ? 'pass' : 'fail',
      counts: {
        submitted: submitted.length,
        refused,
        emailsForSubmissions: sent,
        checksRecorded: e.checksRecorded,
        clocksEnding: clockFiles.length,
        filesClosedByClock: closed.length,
        closedTwice,
        smtpReceivedAll: s.received,
        smtpDistinctMessageIds: s.distinct,
        smtpDuplicated: s.duplicated,
      },
      note: settled ? undefined : 'did not settle within 4 minutes',
    };
  } finally {
    for (const p of procs) await p.stop('SIGKILL');
    await f.close();
  }
}
