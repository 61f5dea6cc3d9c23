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

  it('sends again, under the same Message-ID, a message whose sending was not recorded (the at-least-once window)', async () => {
    const recipientId = h.applicant({ language: 'fr', email: 'window@example.org' });
    const id = await h.request({ event: 'application.submitted', recipientId, params: { reference: REF } });
    const sent = await h.until(`select id, idempotency_key from notification_deliveries where notification_id = $1 and status = 'sent'`, [id]);
    // The worker was killed after the SMTP server said 250 and before 'sent' committed: the row still says 'sending'.
    await h.dataSource.query(
      `update notification_deliveries set status = 'sending', claim_token = $2, sent_at = null,
              claimed_at = now() - interval '1 hour', updated_at = now() - interval '1 hour' where id = $1`,
      [sent.id, randomUUID()],
    );
    expect(await h.worker.get(DeliveryRedrive).runOnce()).toEqual({ deliveries: 1, notifications: 0 });
    await h.until(`select 1 from notification_deliveries where id = $1 and status = 'sent' and attempts = 2`, [sent.id]);
    const copies = h.sink.withMessageId(messageIdFor(sent.idempotency_key as string, FROM));
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((m) => m.messageId)).size).toBe(1);
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
