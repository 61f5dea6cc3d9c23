import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { DELIVERY_LOCK_CLASS, DeliverMessage, messageIdFor } from '@masar/notifications';
import { startNotifications, type NotificationsHarness } from './support/notifications-harness';

const FROM = 'Masar <no-reply@masar.gov.ma>';

/**
 * The lock a worker holds on a delivery while it sends: a second attempt sends nothing while the first is sending
 * (or frozen with its connection alive), and takes over at once when the first one's process is killed (its
 * connection closes). Against the real SMTP server and SMS gateway of the tests.
 */
describe('the lock held on a delivery while it is sent', () => {
  let h: NotificationsHarness;
  let deliver: DeliverMessage;
  const holders: ChildProcess[] = [];
  beforeAll(async () => {
    h = await startNotifications({ queue: 'postgres', options: { busyRecheckMs: 300, redriveEveryMs: 3_600_000, baseBackoffMs: 60_000, maxBackoffMs: 60_000 } });
    deliver = h.worker.get(DeliverMessage);
  });
  afterEach(() => {
    h.sink.delayMs = 0;
    for (const c of holders.splice(0)) c.kill('SIGKILL');
  });
  afterAll(async () => h?.close());

  const row = async (id: string) => (await h.dataSource.query(`select status, attempts from notification_deliveries where id = $1`, [id]))[0];

  /**
   * Another process holding the delivery's lock on its own connection, as a worker in the middle of a send does.
   * SIGSTOP freezes it with its connection open; SIGKILL closes the connection.
   */
  async function holderProcess(deliveryId: string): Promise<ChildProcess> {
    const script = `
      const { Client } = require('pg');
      const c = new Client({ connectionString: process.env.DB_URL });
      c.connect().then(() => c.query('select pg_advisory_lock($1, hashtext($2))', [${DELIVERY_LOCK_CLASS}, '${deliveryId}']))
        .then(() => { console.log('locked'); setInterval(() => undefined, 1000); });`;
    const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, DB_URL: h.api.db.url }, stdio: ['ignore', 'pipe', 'inherit'] });
    holders.push(child);
    const [chunk] = await once(child.stdout!, 'data');
    expect(String(chunk)).toContain('locked');
    return child;
  }

  it('sends one e-mail when a second attempt comes while the first one is still sending', async () => {
    const { deliveryId, key } = await h.pendingDelivery('email', { email: 'twice@example.org' });
    h.sink.delayMs = 1500; // the SMTP server holds the first send open
    const first = deliver.execute(deliveryId);
    await h.until(`select 1 from notification_deliveries where id = $1 and status = 'sending'`, [deliveryId]);
    const second = await deliver.execute(deliveryId);
    expect(second).toEqual({ status: 'held-elsewhere' });
    expect(await first).toEqual({ status: 'sent', attempts: 1 });
    expect(await row(deliveryId)).toEqual({ status: 'sent', attempts: 1 });
    // The second attempt queued a look again; when it runs it finds the delivery sent and sends nothing.
    await h.until(`select 1 from outbox_messages where payload->>'deliveryId' = $1 and sent_at is not null`, [deliveryId]);
    await new Promise((r) => setTimeout(r, 1000));
    expect(h.sink.withMessageId(messageIdFor(key, FROM))).toHaveLength(1);
    expect(await row(deliveryId)).toEqual({ status: 'sent', attempts: 1 });
  });

  it('sends one SMS when a second attempt comes while the gateway has not answered the first', async () => {
    const { deliveryId, key } = await h.pendingDelivery('sms', { phone: '+212612345678' });
    const before = h.gateway.received.length;
    h.gateway.answer = (n) => ({ status: 202, body: JSON.stringify({ id: `gw-${n}` }), delayMs: 1500 });
    const first = deliver.execute(deliveryId);
    await h.until(`select 1 from notification_deliveries where id = $1 and status = 'sending'`, [deliveryId]);
    expect(await deliver.execute(deliveryId)).toEqual({ status: 'held-elsewhere' });
    expect(await first).toEqual({ status: 'sent', attempts: 1 });
    const requests = h.gateway.received.slice(before);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers['idempotency-key']).toBe(key);
  });

  it('does not send in place of a frozen worker (its connection is alive), and takes over at once when it is killed', async () => {
    // The frozen worker had claimed the delivery (attempt 1) and held its lock when it stopped.
    const { deliveryId, key } = await h.pendingDelivery('email', { email: 'frozen@example.org' }, { status: 'sending', attempts: 1 });
    const holder = await holderProcess(deliveryId);
    holder.kill('SIGSTOP');
    expect(await deliver.execute(deliveryId)).toEqual({ status: 'held-elsewhere' });
    expect(await row(deliveryId)).toEqual({ status: 'sending', attempts: 1 });
    expect(h.sink.withMessageId(messageIdFor(key, FROM))).toHaveLength(0);

    holder.kill('SIGKILL');
    await once(holder, 'exit');
    // The server sees the socket close and drops the session, and its lock with it.
    await h.until(`select 1 where not exists (select 1 from pg_locks where locktype = 'advisory' and classid = $1::oid and objsubid = 2 and granted)`, [DELIVERY_LOCK_CLASS], 5000);
    // Taken over at once: by this attempt, or by the look-again that the held-elsewhere answer above queued (every
    // 300 ms), whichever comes first; the other finds it sent.
    const outcome = await deliver.execute(deliveryId);
    expect([{ status: 'sent', attempts: 2 }, { status: 'already-finished' }]).toContainEqual(outcome);
    await h.until(`select 1 from notification_deliveries where id = $1 and status = 'sent' and attempts = 2`, [deliveryId]);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.sink.withMessageId(messageIdFor(key, FROM))).toHaveLength(1);
  });

  it('gives the lock back after each attempt, whatever its outcome', async () => {
    const { deliveryId } = await h.pendingDelivery('email', { email: 'refused@example.org' });
    h.sink.refuseNext(1, 451);
    expect(await deliver.execute(deliveryId)).toEqual({ status: 'retry-scheduled', attempts: 1 });
    const locks = await h.dataSource.query(`select count(*)::int as n from pg_locks where locktype = 'advisory' and classid = $1::oid`, [DELIVERY_LOCK_CLASS]);
    expect(locks).toEqual([{ n: 0 }]);
  });
});
