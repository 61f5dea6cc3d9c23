import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { DELIVERY_LOCK_CLASS, DeliverMessage, messageIdFor } from '@masar/notifications';
import { ADMIN, startNotifications, type NotificationsHarness } from './support/notifications-harness';

const FROM = 'Masar <no-reply@masar.gov.ma>';

/**
 * An e-mail's point of no return, with real processes: a delivery attempt runs in a child process against the real
 * SMTP server of the tests and is SIGKILLed before or after the marker that precedes the end of DATA; then the next
 * attempt (in this process) takes the delivery over, as the stalled job or the redrive would.
 */
describe('an e-mail delivery killed around its point of no return', () => {
  let h: NotificationsHarness;
  let deliver: DeliverMessage;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    h = await startNotifications({ queue: 'postgres', options: { redriveEveryMs: 3_600_000 } });
    deliver = h.worker.get(DeliverMessage);
  });
  beforeEach(() => h.sink.clear());
  afterEach(() => {
    h.sink.delayMs = 0;
    for (const c of children.splice(0)) c.kill('SIGKILL');
  });
  afterAll(async () => h?.close());

  /** Starts one attempt at the delivery in a child process (see support/deliver-in-child.ts). */
  function attemptInChild(deliveryId: string, email: string, hold = false): { child: ChildProcess; output: () => string } {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'support', 'deliver-in-child.ts')], {
      env: { ...process.env, DB_URL: h.api.db.url, SMTP_URL: h.sink.url, MAIL_FROM: FROM, DELIVERY_ID: deliveryId, EMAIL: email, HOLD: hold ? 'at-point-of-no-return' : '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    return { child, output: () => out };
  }

  async function kill(child: ChildProcess): Promise<void> {
    child.kill('SIGKILL');
    if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    // The server sees the socket close and drops the session, and the delivery's lock with it.
    await h.until(`select 1 where not exists (select 1 from pg_locks where locktype = 'advisory' and classid = $1::oid and granted)`, [DELIVERY_LOCK_CLASS], 10_000);
  }

  const row = async (id: string) =>
    (await h.dataSource.query(`select status, attempts, committing_at is not null as marked, last_error from notification_deliveries where id = $1`, [id]))[0];
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('sends once when the sender was killed before the marker: the SMTP server had the message but its end, and dropped it', async () => {
    const { deliveryId, key } = await h.pendingDelivery('email', { email: 'before@example.org' });
    const { child, output } = attemptInChild(deliveryId, 'before@example.org', true);
    for (let i = 0; i < 600 && !output().includes('holding'); i++) await pause(50);
    expect(output()).toContain('holding');
    // The whole message is with the server, not its end: it has accepted nothing.
    expect(await row(deliveryId)).toMatchObject({ status: 'sending', attempts: 1, marked: false });
    await kill(child);
    await pause(300);
    expect(h.sink.messages).toHaveLength(0);

    expect(await deliver.execute(deliveryId)).toEqual({ status: 'sent', attempts: 2 });
    await pause(300);
    expect(h.sink.withMessageId(messageIdFor(key, FROM))).toHaveLength(1);
    expect(h.sink.messages.filter((m) => m.to[0] === 'before@example.org')).toHaveLength(1);
  });

  it('does not send again when the sender was killed after the marker, before recording the answer: unconfirmed, listed for an admin, who can resend it', async () => {
    const { deliveryId, key } = await h.pendingDelivery('email', { email: 'after@example.org' });
    const messageId = messageIdFor(key, FROM);
    h.sink.delayMs = 3000; // the server takes its time to answer: the kill falls between the end of DATA and the 250
    const { child } = attemptInChild(deliveryId, 'after@example.org');
    await h.until(`select 1 from notification_deliveries where id = $1 and committing_at is not null`, [deliveryId], 30_000);
    await pause(300); // the end of DATA follows the marker's commit at once
    await kill(child);

    expect(await deliver.execute(deliveryId)).toEqual({ status: 'unconfirmed', attempts: 1 });
    expect(await row(deliveryId)).toMatchObject({ status: 'unconfirmed', attempts: 1, marked: true, last_error: expect.stringMatching(/^delivery_unconfirmed: /) });
    // A later attempt (a redriven job) finds it finished.
    expect(await deliver.execute(deliveryId)).toEqual({ status: 'already-finished' });
    // The server did get the end of DATA: the message arrives once, and nothing sends it again.
    await h.sink.waitFor(1, 10_000);
    await pause(500);
    expect(h.sink.withMessageId(messageId)).toHaveLength(1);

    const list = await h.api.app.inject({ method: 'GET', url: '/admin/notifications/dead-letters', headers: await h.api.as(ADMIN) });
    const letter = list.json().items.find((l: { deliveryId: string }) => l.deliveryId === deliveryId);
    expect(letter).toMatchObject({ channel: 'email', attempts: 1, lastError: expect.stringMatching(/^delivery_unconfirmed: .*\(Message-ID </) });
    expect(letter.lastError).toContain(messageId);
    expect(JSON.stringify(letter)).not.toContain('after@example.org');

    // The admin checked, and decides to send it again: it goes, under the same Message-ID.
    h.sink.delayMs = 0;
    const retry = await h.api.app.inject({ method: 'POST', url: `/admin/notifications/dead-letters/${letter.id}/retry`, headers: await h.api.as(ADMIN) });
    expect(retry.statusCode).toBe(202);
    await h.until(`select 1 from notification_deliveries where id = $1 and status = 'sent' and committing_at is null`, [deliveryId], 30_000);
    await h.sink.waitFor(2, 10_000);
    expect(h.sink.withMessageId(messageId)).toHaveLength(2);
    const [audit] = await h.dataSource.query(`select count(*)::int as n from audit_events where action = 'notification.dead_letter_retried' and subject_id = $1`, [deliveryId]);
    expect(audit.n).toBe(1);
  });
});
