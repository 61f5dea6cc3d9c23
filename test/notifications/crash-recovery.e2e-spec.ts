import { randomUUID } from 'node:crypto';
import { DeliveryRedrive, messageIdFor } from '@masar/notifications';
import { describeWithRedis, type QueueKind } from '@masar/testing';
import { startNotifications, type NotificationsHarness } from './support/notifications-harness';

const REF = 'MA-7K3Q-9XWD';
const FROM = 'Masar <no-reply@masar.gov.ma>';

/**
 * What a killed worker leaves behind, reproduced in the tables, and how the next worker picks it up. (The SIGKILL
 * of real processes belongs to the reliability suite; here each state is made exactly.) On both queue backends: the
 * redrive puts jobs back on the queue, and the next worker takes them from it.
 */
function suite(queue: QueueKind) {
  let h: NotificationsHarness;
  beforeAll(async () => {
    h = await startNotifications({ queue, options: { redriveAfterMs: 300, redriveEveryMs: 3_600_000 } });
  });
  afterAll(async () => h?.close());

  it('sends again a delivery left sending before its point of no return (the server never got the end of DATA), once', async () => {
    const { deliveryId, key } = await h.pendingDelivery('email', { email: 'window@example.org' }, { status: 'sending', attempts: 1, idleMs: 3_600_000 });
    expect(await h.worker.get(DeliveryRedrive).runOnce()).toEqual({ deliveries: 1, notifications: 0 });
    await h.until(`select 1 from notification_deliveries where id = $1 and status = 'sent' and attempts = 2`, [deliveryId]);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.sink.withMessageId(messageIdFor(key, FROM))).toHaveLength(1);
  });

  it('does not send again a delivery left sending after its point of no return: unconfirmed, with a dead letter', async () => {
    const { deliveryId, key } = await h.pendingDelivery('email', { email: 'doubt@example.org' }, { status: 'sending', attempts: 1, pastPointOfNoReturn: true, idleMs: 3_600_000 });
    expect(await h.worker.get(DeliveryRedrive).runOnce()).toEqual({ deliveries: 1, notifications: 0 });
    await h.until(`select 1 from notification_deliveries where id = $1 and status = 'unconfirmed' and attempts = 1`, [deliveryId]);
    const [letter] = await h.dataSource.query(`select attempts, last_error from notification_dead_letters where delivery_id = $1 and retried_at is null`, [deliveryId]);
    expect(letter).toMatchObject({ attempts: 1, last_error: expect.stringMatching(/^delivery_unconfirmed: /) });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.sink.withMessageId(messageIdFor(key, FROM))).toHaveLength(0);
    // Finished: the redrive leaves it alone from now on.
    expect(await h.worker.get(DeliveryRedrive).runOnce()).toEqual({ deliveries: 0, notifications: 0 });
  });

  it('finds a notification whose dispatch job was lost and sends it once', async () => {
    const recipientId = h.applicant({ language: 'en', email: 'lost@example.org' });
    const id = randomUUID();
    // The row committed, its job never ran (say bullmq gave up on it during a long outage).
    await h.dataSource.query(
      `insert into notifications (id, event, occurrence_key, application_id, recipient_id, params, requested_at)
       values ($1, 'card.ready', 'lost-1', $2, $3, $4::jsonb, now() - interval '1 hour')`,
      [id, randomUUID(), recipientId, JSON.stringify({ reference: REF, place: 'Tanger' })],
    );
    const redrive = h.worker.get(DeliveryRedrive);
    expect(await redrive.runOnce()).toMatchObject({ notifications: 1 });
    await h.until(`select 1 from notification_deliveries where notification_id = $1 and status = 'sent'`, [id]);
    await new Promise((r) => setTimeout(r, 200));
    expect(await redrive.runOnce()).toEqual({ deliveries: 0, notifications: 0 });
    expect(h.sink.messages.filter((m) => m.to[0] === 'lost@example.org')).toHaveLength(1);
  });

  it('refuses, inside the caller transaction, a request it could not render', async () => {
    await expect(h.request({ event: 'decision.notified', recipientId: randomUUID(), params: { reference: REF, outcome: 'unfavourable' } as never })).rejects.toMatchObject({
      code: 'NOTIFICATIONS_INVALID_REQUEST',
      status: 422,
    });
  });
}

describe('notifications after a worker dies (PostgreSQL queue backend)', () => suite('postgres'));
describeWithRedis('notifications after a worker dies (Redis queue backend)', () => suite('redis'));
