import type { NodeProcess } from '../../../bench/lib/proc';
import { login, submitFile } from '../support/api';
import { fixture, sleep, smtpCounts, startApi, startWorker, waitUntil } from '../support/fixture';
import type { PrivateRedis } from '../support/redis';
import type { ScenarioResult } from '../support/result';

/**
 * Redis stopped (`shutdown nosave`) for 10 seconds under a stream of submissions through the API. Every submission
 * must be accepted (the change and its outbox rows commit in PostgreSQL), the outbox must drain once Redis is back,
 * and each submission's e-mail must arrive exactly once: nothing lost, nothing doubled.
 */
export async function redisDown(redis: PrivateRedis, n: number): Promise<ScenarioResult> {
  const name = `Redis stopped 10 s under ${n} submissions`;
  const f = await fixture('redis', redis.url);
  const procs: NodeProcess[] = [];
  try {
    const port = 3301;
    procs.push(await startApi(f, port, 'api-redis'));
    procs.push(await startWorker(f, 'worker-redis'));
    const auth = await login(port, 'caseworker1.rab@synthetic.masar.example');
    const { rows: people } = await f.pg.query(`select id from applicants where email_enc is not null order by id limit $1`, [n]);
    if (people.length < n) throw new Error(`only ${people.length} applicants with an e-mail address`);
    const submitted: string[] = [];
    let refused = 0;
    const statuses = new Map<number, number>();
    let stoppedAt = 0;
    let restartedAt = 0;
    const t0 = Date.now();
    const outage = (async () => {
      await sleep(3000);
      redis.stop();
      stoppedAt = Date.now() - t0;
      await sleep(10_000);
      await redis.start();
      restartedAt = Date.now() - t0;
    })();
    // A steady stream: about 8 submissions a second, two at a time, until every one was tried.
    let next = 0;
    await Promise.all(
      [0, 1].map(async () => {
        while (next < n) {
          const i = next++;
          const s0 = Date.now();
          const r = await submitFile(port, auth, people[i].id).catch(() => ({ ok: false, statuses: [0] }) as { ok: boolean; id?: string; statuses: number[] });
          for (const st of r.statuses) statuses.set(st, (statuses.get(st) ?? 0) + 1);
          if (r.ok && r.id) submitted.push(r.id);
          else refused++;
          await sleep(Math.max(0, 250 - (Date.now() - s0)));
        }
      }),
    );
    await outage;
    const drained = await waitUntil(async () => Number((await f.pg.query(`select count(*) as n from outbox_messages where sent_at is null and available_at <= now()`)).rows[0].n) === 0, 120_000, 500);
    const mailsOf = async () =>
      Number(
        (
          await f.pg.query(
            `select count(*) as n from notification_deliveries d join notifications n on n.id = d.notification_id
              where n.application_id = any($1::uuid[]) and n.event = 'application.submitted' and d.channel = 'email' and d.status = 'sent'`,
            [submitted],
          )
        ).rows[0].n,
      );
    // A notification whose job Redis lost is queued again by the notifications redrive (after 5 minutes untouched).
    const backAt = Date.now();
    const at3min = await waitUntil(async () => (await mailsOf()) === submitted.length, 180_000, 1000).then(async () => mailsOf());
    const delivered = await waitUntil(async () => (await mailsOf()) === submitted.length, 300_000, 2000);
    const deliveredAfterS = Math.round((Date.now() - backAt) / 1000);
    await sleep(3000);
    const sent = await mailsOf();
    const notifications = Number((await f.pg.query(`select count(*) as n from notifications where application_id = any($1::uuid[]) and event = 'application.submitted'`, [submitted])).rows[0].n);
    const s = smtpCounts(f);
    const pass = refused === 0 && submitted.length === n && drained && delivered && sent === n && s.duplicated === 0 && s.received === s.distinct && s.distinct >= n;
    return {
      name,
      status: pass ? 'pass' : 'fail',
      counts: {
        submitted: submitted.length,
        refused,
        httpStatuses: [...statuses].map(([k, v]) => `${k}:${v}`).join(','),
        redisStoppedAtMs: stoppedAt,
        redisBackAtMs: restartedAt,
        outboxDrained: drained,
        notificationsWritten: notifications,
        emailsSent3MinAfterStream: at3min,
        emailsSentPerDb: sent,
        allDeliveredAfterS: delivered ? deliveredAfterS : 'never',
        smtpReceived: s.received,
        smtpDistinctMessageIds: s.distinct,
        smtpDuplicated: s.duplicated,
      },
    };
  } finally {
    await redis.start();
    for (const p of procs) await p.stop('SIGKILL');
    await f.close();
  }
}
