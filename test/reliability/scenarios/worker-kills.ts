import type { NodeProcess } from '../../../bench/lib/proc';
import { effects, fixture, pendingDocuments, pendingNotifications, queueBacklog, sleep, smtpCounts, startWorker, waitUntil, type Fixture } from '../support/fixture';
import type { ScenarioResult } from '../support/result';

/**
 * What the SMTP server received for the e-mail deliveries of these notifications, delivery by delivery (a
 * Message-ID is the delivery's idempotency key at the sender's domain).
 */
async function emailsReceived(f: Fixture, notificationIds: string[]) {
  const byKey = new Map<string, number>();
  for (const m of f.smtp.messages) {
    const key = m.messageId.replace(/^<|@[^@]*$/g, '');
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  const { rows } = await f.pg.query(`select idempotency_key, status from notification_deliveries where notification_id = any($1::uuid[]) and channel = 'email'`, [notificationIds]);
  const copies = (r: { idempotency_key: string }) => byKey.get(r.idempotency_key) ?? 0;
  const unconfirmed = rows.filter((r) => r.status === 'unconfirmed');
  const ours = new Set(rows.map((r) => r.idempotency_key as string));
  return {
    received: f.smtp.messages.length,
    distinct: byKey.size,
    duplicated: [...byKey.values()].filter((n) => n > 1).length,
    /** Deliveries the server never received (whatever their status says). */
    lost: rows.filter((r) => copies(r) === 0).length,
    /** Messages under a Message-ID that is none of these deliveries'. */
    strangers: [...byKey.keys()].filter((k) => !ours.has(k)).length,
    unconfirmed: unconfirmed.length,
    unconfirmedReceived: unconfirmed.filter((r) => copies(r) === 1).length,
    unconfirmedLost: unconfirmed.filter((r) => copies(r) === 0).length,
  };
}

/**
 * SIGKILL the worker three times while it works through document checks and notifications (all fed through the
 * outbox, as uploads and transitions feed them), restarting it each time. Then: every check recorded once, no
 * e-mail received twice by the SMTP server (by Message-ID), every e-mail not received accounted for as unconfirmed
 * (a kill past its point of no return; on the admin's list), every delivery finished, no job left active or waiting,
 * the outbox empty. `exactlyOnce=yes` when every e-mail was received once (the criterion, which SMTP cannot
 * promise under SIGKILL: see libs/notifications/README.md).
 */
export async function workerKills(redisUrl: string, n: number): Promise<ScenarioResult> {
  const name = `SIGKILL the worker 3 times during ${n} document checks and ${n} notifications`;
  const f = await fixture('kill', redisUrl);
  let w: NodeProcess | null = null;
  try {
    const docs = await pendingDocuments(f, n);
    const notes = await pendingNotifications(f, n);
    w = await startWorker(f, 'worker-kill-0');
    const progress = async () => {
      const e = await effects(f, docs, notes);
      return e.checksRecorded + e.emailDeliveriesSent;
    };
    let kills = 0;
    const killedAt: number[] = [];
    const sendingAtKills: number[] = [];
    const sendingNow = async () =>
      (
        await f.pg.query(
          `select count(*) as n, count(committing_at) as past from notification_deliveries where notification_id = any($1::uuid[]) and channel = 'email' and status = 'sending'`,
          [notes],
        )
      ).rows[0] as { n: string; past: string };
    const pastPointAtKills: number[] = [];
    for (const share of [0.2, 0.45, 0.7]) {
      await waitUntil(async () => (await progress()) >= share * 2 * n, 180_000, 100);
      killedAt.push(await progress());
      const sending = await sendingNow();
      sendingAtKills.push(Number(sending.n));
      pastPointAtKills.push(Number(sending.past));
      w.child.kill('SIGKILL');
      await w.exited;
      kills++;
      w = await startWorker(f, `worker-kill-${kills}`);
    }
    const unconfirmedNow = async () =>
      Number((await f.pg.query(`select count(*) as n from notification_deliveries where notification_id = any($1::uuid[]) and channel = 'email' and status = 'unconfirmed'`, [notes])).rows[0].n);
    // Finished: sent, or unconfirmed (a kill after the point of no return: not sent again by itself).
    const settled = await waitUntil(async () => {
      const e = await effects(f, docs, notes);
      return e.checksRecorded === n && e.emailDeliveriesSent + (await unconfirmedNow()) === n && e.emailDeliveriesOpen === 0 && e.outboxUnsent === 0;
    }, 300_000, 500);
    await sleep(3000);
    const e = await effects(f, docs, notes);
    const s = await emailsReceived(f, notes);
    const backlog = await queueBacklog(f, ['documents', 'notifications']);
    const stuck = backlog['documents.active']! + backlog['documents.waiting']! + backlog['notifications.active']! + backlog['notifications.waiting']!;
    // E-mails that took more than one attempt: here, those a killed worker had claimed, taken over by the next one.
    const takenOver = Number(
      (await f.pg.query(`select count(*) as n from notification_deliveries where notification_id = any($1::uuid[]) and channel = 'email' and attempts > 1`, [notes])).rows[0].n,
    );
    // What Masar guarantees for e-mail, checked on the SMTP server: never a copy (no Message-ID twice, nothing else),
    // and no e-mail lost in silence: every delivery the server did not receive is one whose sender was killed past
    // its point of no return, 'unconfirmed' and on the admin's dead-letter list to be resent by hand. SMTP has no
    // idempotency on the wire, so no sender can promise more under SIGKILL: a kill between the marker's commit and
    // the end of DATA leaves such a delivery (unconfirmedLost). `exactlyOnce` says whether this run had none; the
    // line shows the counts either way.
    const exactlyOnce = s.received === n && s.distinct === n && s.lost === 0;
    const pass =
      kills === 3 && settled && e.checksRecorded === n && e.documentsPending === 0 && e.emailDeliveriesSent + s.unconfirmed === n && e.emailDeliveriesOpen === 0 &&
      s.distinct === s.received && s.received + s.lost === n && s.lost === s.unconfirmedLost && s.duplicated === 0 && s.strangers === 0 && stuck === 0 && e.outboxUnsent === 0;
    return {
      name,
      status: pass ? 'pass' : 'fail',
      counts: {
        kills,
        killedAtEffects: killedAt.join('/'),
        emailsSendingAtKills: sendingAtKills.join('/'),
        ofThosePastPointOfNoReturn: pastPointAtKills.join('/'),
        emailsTakenOver: takenOver,
        checksRecorded: e.checksRecorded,
        documentsPending: e.documentsPending,
        emailsSentPerDb: e.emailDeliveriesSent,
        exactlyOnce: exactlyOnce ? 'yes' : 'no',
        unconfirmed: s.unconfirmed,
        unconfirmedReceived: s.unconfirmedReceived,
        unconfirmedLost: s.unconfirmedLost,
        smtpReceived: s.received,
        smtpDistinctMessageIds: s.distinct,
        smtpDuplicated: s.duplicated,
        lost: s.lost,
        deliveriesOpen: e.emailDeliveriesOpen,
        deadLetters: e.deadLetters,
        outboxUnsent: e.outboxUnsent,
        jobsStuck: stuck,
        jobsFailed: backlog['documents.failed']! + backlog['notifications.failed']!,
      },
      note: settled ? undefined : 'did not settle within 5 minutes',
    };
  } finally {
    await w?.stop('SIGKILL');
    await f.close();
  }
}

/**
 * SIGSTOP one of two workers for longer than the job lock (30 s), then SIGCONT. The other worker takes the stalled
 * jobs over; the stopped one wakes up and finishes its copies. Effects must happen once, and here that includes
 * the SMTP server: the frozen worker keeps its database connection, hence its lock on the deliveries it was
 * sending, so nobody sends them in its place, and it reads the answers waiting in its sockets when it wakes
 * instead of timing out. Zero copies.
 */
export async function workerStop(redisUrl: string, n: number): Promise<ScenarioResult> {
  const name = `SIGSTOP a worker past the job lock during ${n} checks and ${n} notifications, then SIGCONT`;
  const f = await fixture('stop', redisUrl);
  let a: NodeProcess | null = null;
  let b: NodeProcess | null = null;
  try {
    // Slow mail makes sure the stopped worker holds e-mails in flight.
    f.smtp.delayMs = 300;
    const docs = await pendingDocuments(f, n);
    const notes = await pendingNotifications(f, n);
    a = await startWorker(f, 'worker-stop-a');
    b = await startWorker(f, 'worker-stop-b');
    await waitUntil(async () => {
      const e = await effects(f, docs, notes);
      return e.checksRecorded + e.emailDeliveriesSent >= 0.2 * 2 * n;
    }, 180_000, 100);
    const before = await queueBacklog(f, ['documents', 'notifications']);
    a.child.kill('SIGSTOP');
    const stoppedAt = Date.now();
    await sleep(45_000);
    a.child.kill('SIGCONT');
    const stoppedMs = Date.now() - stoppedAt;
    const settled = await waitUntil(async () => {
      const e = await effects(f, docs, notes);
      return e.checksRecorded === n && e.emailDeliveriesSent === n && e.outboxUnsent === 0;
    }, 240_000, 500);
    // The frozen worker's own jobs can stay active after it wakes (seen: deliveries it sent and recorded, jobs never
    // counted as stalled): it finished the work, but its job locks had expired, so its completion is refused; bullmq's
    // stalled-job check (every 30 s, two passes) puts them back and the re-run finds the work done. Wait for the
    // queue to be empty too, and say how long it took.
    const settledAt = Date.now();
    const unfinishedJobs = async () => {
      const b = await queueBacklog(f, ['documents', 'notifications']);
      return b['documents.active']! + b['documents.waiting']! + b['notifications.active']! + b['notifications.waiting']!;
    };
    await sleep(5000);
    const jobsLeftAfter5s = await unfinishedJobs();
    await waitUntil(async () => (await unfinishedJobs()) === 0, 120_000, 1000);
    const queueEmptyAfterS = Math.round((Date.now() - settledAt) / 1000);
    const e = await effects(f, docs, notes);
    const s = smtpCounts(f);
    const backlog = await queueBacklog(f, ['documents', 'notifications']);
    const stuck = backlog['documents.active']! + backlog['documents.waiting']! + backlog['notifications.active']! + backlog['notifications.waiting']!;
    // No copy at all: unlike a killed worker, a frozen one leaves no window (see above).
    const pass = settled && e.checksRecorded === n && e.emailDeliveriesSent === n && s.received === n && s.distinct === n && stuck === 0;
    return {
      name,
      status: pass ? 'pass' : 'fail',
      counts: {
        stoppedMs,
        activeWhenStopped: before['documents.active']! + before['notifications.active']!,
        checksRecorded: e.checksRecorded,
        emailsSentPerDb: e.emailDeliveriesSent,
        smtpReceived: s.received,
        smtpDistinctMessageIds: s.distinct,
        smtpDuplicated: s.duplicated,
        jobsLeftAfter5s,
        queueEmptyAfterS,
        jobsStuck: stuck,
        backlogLeft: Object.entries(backlog).filter(([, v]) => v > 0).map(([k, v]) => `${k}:${v}`).join(',') || 'none',
        deadLetters: e.deadLetters,
      },
      note: settled ? undefined : 'did not settle within 4 minutes after SIGCONT',
    };
  } finally {
    a?.child.kill('SIGCONT');
    await a?.stop('SIGKILL');
    await b?.stop('SIGKILL');
    await f.close();
  }
}

/**
 * SIGTERM a worker with jobs in flight (e-mails held 2 s by a slow SMTP server): it must stop taking jobs, finish
 * those in flight and exit (code 0) within the grace period; nothing is left active, and a new worker finishes
 * the rest with every effect once.
 */
export async function workerTerm(redisUrl: string, n: number): Promise<ScenarioResult> {
  const name = `SIGTERM the worker with jobs in flight (${n} checks, ${n} notifications, grace 15 s)`;
  const graceMs = 15_000;
  const f = await fixture('term', redisUrl, 1500, { WORKER_SHUTDOWN_GRACE_MS: String(graceMs) });
  let w: NodeProcess | null = null;
  try {
    f.smtp.delayMs = 2000;
    const docs = await pendingDocuments(f, n);
    const notes = await pendingNotifications(f, n);
    w = await startWorker(f, 'worker-term');
    // In flight means e-mails being sent (each held 2 s by the SMTP server), not only jobs picked up.
    const sending = async () =>
      (await f.pg.query(`select id from notification_deliveries where notification_id = any($1::uuid[]) and channel = 'email' and status = 'sending'`, [notes])).rows.map((r) => r.id as string);
    await waitUntil(async () => (await sending()).length >= 4, 120_000, 50);
    const sendingAtSigterm = await sending();
    const before = await queueBacklog(f, ['documents', 'notifications']);
    const inFlight = before['documents.active']! + before['notifications.active']!;
    const t0 = Date.now();
    w.child.kill('SIGTERM');
    const exit = await Promise.race([w.exited, sleep(graceMs + 10_000).then(() => null)]);
    const exitMs = Date.now() - t0;
    const firstOutput = w.output();
    const finishedInFlight = Number((await f.pg.query(`select count(*) as n from notification_deliveries where id = any($1::uuid[]) and status = 'sent'`, [sendingAtSigterm])).rows[0].n);
    const after = await queueBacklog(f, ['documents', 'notifications']);
    const leftActive = after['documents.active']! + after['notifications.active']!;
    const exitedInTime = exit !== null && exitMs <= graceMs + 2000;
    // A new worker finishes the rest.
    f.smtp.delayMs = 0;
    w = await startWorker(f, 'worker-term-2');
    const settled = await waitUntil(async () => {
      const e = await effects(f, docs, notes);
      return e.checksRecorded === n && e.emailDeliveriesSent === n;
    }, 240_000, 500);
    await sleep(2000);
    const e = await effects(f, docs, notes);
    const s = smtpCounts(f);
    // Nest's shutdown hooks re-raise the signal once the application is closed, so a clean stop ends "by SIGTERM";
    // the grace timer's forced exit ends with code 1. The log line proves the handler ran, leftActive that it waited.
    const graceful = /finishing jobs in flight/.test(firstOutput);
    const cleanExit = exit !== null && (exit.code === 0 || exit.signal === 'SIGTERM') && graceful;
    const pass = sendingAtSigterm.length > 0 && finishedInFlight === sendingAtSigterm.length && exitedInTime && cleanExit && leftActive === 0 && settled && s.received === n && s.distinct === n;
    return {
      name,
      status: pass ? 'pass' : 'fail',
      counts: {
        jobsActiveAtSigterm: inFlight,
        emailsBeingSentAtSigterm: sendingAtSigterm.length,
        ofThoseSentBeforeExit: finishedInFlight,
        exitMs,
        exitCode: exit ? String(exit.code ?? exit.signal) : 'still running',
        gracefulShutdownLogged: /finishing jobs in flight/.test(firstOutput),
        leftActive,
        checksRecorded: e.checksRecorded,
        emailsSentPerDb: e.emailDeliveriesSent,
        smtpReceived: s.received,
        smtpDistinctMessageIds: s.distinct,
      },
    };
  } finally {
    await w?.stop('SIGKILL');
    await f.close();
  }
}
