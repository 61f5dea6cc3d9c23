import { randomUUID } from 'node:crypto';
import { Transactions } from '@masar/database';
import { DeliverMessage, EraseNotifications } from '@masar/notifications';
import { APPLICANT, startNotifications, type NotificationsHarness } from './support/notifications-harness';

describe('erasing notifications under retention', () => {
  let h: NotificationsHarness;
  beforeAll(async () => {
    h = await startNotifications({ queue: 'postgres' });
  });
  afterAll(async () => h?.close());

  it('erases params and in-app texts of the files given, cancels unsent deliveries, and leaves other files alone', async () => {
    const userId = h.api.staff.users[APPLICANT]!;
    const erasedFile = randomUUID();
    const keptFile = randomUUID();
    const recipientId = h.applicant({ language: 'en', email: 'erase@example.org', userId });
    const sent = await h.request({ event: 'decision.notified', applicationId: erasedFile, recipientId, params: { reference: 'MA-ERAS-0001', outcome: 'unfavourable', reasons: ['A reason naming a fact of the file.'], appealDeadline: '2026-12-01' } });
    const kept = await h.request({ event: 'application.submitted', applicationId: keptFile, recipientId, params: { reference: 'MA-KEEP-0001' } });
    await h.until(`select 1 from notification_deliveries where notification_id = $1 and status = 'sent' having count(*) = 2`, [sent]);
    await h.until(`select 1 from notification_deliveries where notification_id = $1 and status = 'sent' having count(*) = 2`, [kept]);
    // One more delivery still waiting on the erased file (its gateway was down, say).
    h.sink.refuseNext(50, 451); // it keeps failing until erased
    const waiting = await h.request({ event: 'deadline.warning', applicationId: erasedFile, recipientId: h.applicant({ language: 'fr', email: 'erase2@example.org' }), params: { reference: 'MA-ERAS-0001', deadline: 'appeal', dueDate: '2026-12-01' } });
    const { id: waitingDelivery } = await h.until(`select id from notification_deliveries where notification_id = $1 and status in ('failed', 'dead')`, [waiting]);

    const result = await h.api.app.get(Transactions).run((m) => h.api.app.get(EraseNotifications).forApplications(m, [erasedFile]));
    expect(result).toEqual({ notifications: 2, inboxMessages: 1, cancelledDeliveries: 1 });

    const rows = await h.dataSource.query(`select application_id, params::text as params from notifications where id = any($1::uuid[])`, [[sent, kept, waiting]]);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('MA-ERAS-0001');
    expect(text).not.toContain('A reason naming');
    expect(text).toContain('MA-KEEP-0001');
    const inbox = await h.dataSource.query(`select application_id from notification_inbox where user_id = $1`, [userId]);
    expect(inbox.map((r: { application_id: string }) => r.application_id)).toEqual(expect.not.arrayContaining([erasedFile]));
    expect(inbox.map((r: { application_id: string }) => r.application_id)).toContain(keptFile);
    // The cancelled delivery's retry finds nothing to do.
    await new Promise((r) => setTimeout(r, 600));
    expect(await h.worker.get(DeliverMessage).execute(waitingDelivery as string)).toEqual({ status: 'already-finished' });
    expect(h.sink.messages.filter((m) => m.to[0] === 'erase2@example.org')).toHaveLength(0);
  });
});
