import { describeWithRedis, type QueueKind } from '@masar/testing';
import { startNotifications, type NotificationsHarness } from './support/notifications-harness';

/** Closing waits for the jobs in flight, which each queue backend's worker tracks in its own way: on both. */
function suite(queue: QueueKind) {
  let h: NotificationsHarness;
  beforeAll(async () => {
    h = await startNotifications({ queue });
  });
  afterAll(async () => h?.close());

  it('finishes a message in flight, with the SMTP pool still open, before it stops', async () => {
    h.sink.delayMs = 1500;
    const recipientId = h.applicant({ language: 'ar', email: 'inflight@example.org' });
    const id = await h.request({ event: 'application.submitted', recipientId, params: { reference: 'MA-7K3Q-9XWD' } });
    await h.until(`select 1 from notification_deliveries where notification_id = $1 and status = 'sending'`, [id]);
    const started = Date.now();
    await h.worker.close(); // what SIGTERM does through Nest's shutdown hooks
    expect(Date.now() - started).toBeGreaterThan(500);
    const [delivery] = await h.dataSource.query(`select status, attempts from notification_deliveries where notification_id = $1`, [id]);
    expect(delivery).toEqual({ status: 'sent', attempts: 1 });
    expect(h.sink.messages.filter((m) => m.to[0] === 'inflight@example.org')).toHaveLength(1);
  });
}

describe('notifications worker shutting down (PostgreSQL queue backend)', () => suite('postgres'));
describeWithRedis('notifications worker shutting down (Redis queue backend)', () => suite('redis'));
