import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DeliverMessage, DispatchNotification, LANGUAGES, messageIdFor, type Language } from '@masar/notifications';
import { describeWithRedis, QUEUE_BACKENDS, type QueueKind } from '@masar/testing';
import { ADMIN, APPLICANT, CASEWORKER, startNotifications, type NotificationsHarness } from './support/notifications-harness';

const REF = 'MA-7K3Q-9XWD';
const FROM = 'Masar <no-reply@masar.gov.ma>';

const SUBJECTS: Record<Language, string> = {
  ar: 'مسار: استلمنا طلبك',
  fr: 'Masar: Nous avons reçu votre demande',
  en: 'Masar: We received your application',
  es: 'Masar: Hemos recibido su solicitud',
};

async function deliveriesOf(h: NotificationsHarness, notificationId: string) {
  return h.dataSource.query(
    `select id, channel, status, attempts, idempotency_key, provider_message_id, language, fallback_from, sms_segments
       from notification_deliveries where notification_id = $1 order by channel`,
    [notificationId],
  );
}

async function allSent(h: NotificationsHarness, notificationId: string, channels: number) {
  await h.until(
    `select 1 from notification_deliveries where notification_id = $1 group by notification_id
      having count(*) = $2 and bool_and(status = 'sent')`,
    [notificationId, channels],
  );
}

async function jobFinished(queue: Queue, jobId: string): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const state = await queue.getJobState(jobId);
    if (state === 'completed' || state === 'failed') return state;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${jobId} did not finish`);
}

function suite(queue: QueueKind) {
  let h: NotificationsHarness;
  beforeAll(async () => {
    h = await startNotifications({ queue, options: { maxAttempts: 3 } });
  });
  afterAll(async () => h?.close());

  it('tells each applicant in their language by e-mail, SMS and in the app', async () => {
    const userId = h.api.staff.users[APPLICANT]!;
    const ids = new Map<Language, string>();
    for (const [i, language] of LANGUAGES.entries()) {
      const recipientId = h.applicant({ language, email: `${language}@example.org`, phone: `+21260000000${i}`, userId });
      ids.set(language, await h.request({ event: 'application.submitted', recipientId, params: { reference: REF } }));
    }
    for (const id of ids.values()) await allSent(h, id, 3);

    for (const language of LANGUAGES) {
      const [mail] = h.sink.messages.filter((m) => m.to[0] === `${language}@example.org`);
      expect(mail?.subject).toBe(SUBJECTS[language]);
      expect(mail!.html).toContain(`lang="${language}"`);
      const sms = h.gateway.received.filter((r) => r.body.to.endsWith(String(LANGUAGES.indexOf(language))));
      expect(sms).toHaveLength(1);
      expect(sms[0]!.body.encoding).toBe(language === 'ar' ? 'UCS-2' : 'GSM-7');
      expect(sms[0]!.body.text).toContain(REF);

      const deliveries = await deliveriesOf(h, ids.get(language)!);
      expect(deliveries.map((d: { channel: string }) => d.channel)).toEqual(['email', 'in_app', 'sms']);
      const email = deliveries.find((d: { channel: string }) => d.channel === 'email');
      expect(email).toMatchObject({ status: 'sent', attempts: 1, language, fallback_from: null });
      // The delivery's idempotency key is the Message-ID the SMTP server received.
      expect(mail!.messageId).toBe(messageIdFor(email.idempotency_key, FROM));
      expect(email.provider_message_id).toBe(mail!.messageId);
      expect(sms[0]!.headers['idempotency-key']).toBe(deliveries.find((d: { channel: string }) => d.channel === 'sms').idempotency_key);
    }
    expect(h.sink.messages).toHaveLength(4);

    const inbox = await h.api.app.inject({ method: 'GET', url: '/me/notifications?limit=3', headers: await h.api.as(APPLICANT) });
    expect(inbox.statusCode).toBe(200);
    const page = inbox.json();
    expect(page.items).toHaveLength(3);
    expect(page.next).toEqual(expect.any(String));
    const rest = await h.api.app.inject({ method: 'GET', url: `/me/notifications?after=${encodeURIComponent(page.next)}`, headers: await h.api.as(APPLICANT) });
    const all = [...page.items, ...rest.json().items];
    expect(all.map((m: { subject: string }) => m.subject).sort()).toEqual(Object.values(SUBJECTS).sort());
    expect(all.every((m: { body: string }) => m.body.includes(REF))).toBe(true);

    const refused = await h.api.app.inject({ method: 'GET', url: '/me/notifications', headers: await h.api.as(CASEWORKER) });
    expect(refused.statusCode).toBe(403);

    const read = await h.api.app.inject({ method: 'POST', url: `/me/notifications/${all[0].id}/read`, headers: await h.api.as(APPLICANT) });
    expect(read.statusCode).toBe(204);
    const [{ read_at }] = await h.dataSource.query(`select read_at from notification_inbox where id = $1`, [all[0].id]);
    expect(read_at).toBeInstanceOf(Date);
    const unknown = await h.api.app.inject({ method: 'POST', url: `/me/notifications/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/read`, headers: await h.api.as(APPLICANT) });
    expect(unknown.statusCode).toBe(404);
  });

  it('falls back to French for a language without templates, and records it', async () => {
    const recipientId = h.applicant({ language: 'wo', email: 'wolof@example.org' });
    const id = await h.request({ event: 'card.ready', recipientId, params: { reference: REF, place: 'Préfecture de Rabat' } });
    await allSent(h, id, 1);
    const [email] = await deliveriesOf(h, id);
    expect(email).toMatchObject({ channel: 'email', language: 'fr', fallback_from: 'wo' });
    expect(h.sink.messages.find((m) => m.to[0] === 'wolof@example.org')?.subject).toBe('Masar: Votre carte est prête');
  });

  it('sends one message when the same occurrence is asked twice and when its jobs run again', async () => {
    const recipientId = h.applicant({ language: 'fr', email: 'twice@example.org', phone: '+212611111111', userId: h.api.staff.users[APPLICANT]! });
    const occurrenceKey = 'history-entry-42';
    const id = await h.request({ event: 'decision.notified', recipientId, occurrenceKey, params: { reference: REF, outcome: 'favourable' } });
    expect(await h.request({ event: 'decision.notified', recipientId, occurrenceKey, params: { reference: REF, outcome: 'favourable' } })).toBe(id);
    await allSent(h, id, 3);
    const deliveries = await deliveriesOf(h, id);

    // The same jobs again, under new job ids (a duplicate from the relay, a manual re-run), and the use cases directly.
    const q = h.worker.get<Queue>(getQueueToken('notifications'));
    await q.add('notifications.dispatch', { notificationId: id }, { jobId: `again-${id}` });
    for (const d of deliveries) await q.add('notifications.deliver', { deliveryId: d.id }, { jobId: `again-${d.id}` });
    expect(await jobFinished(q, `again-${id}`)).toBe('completed');
    for (const d of deliveries) expect(await jobFinished(q, `again-${d.id}`)).toBe('completed');
    expect(await h.worker.get(DispatchNotification).execute(id)).toEqual({ status: 'already-dispatched' });
    for (const d of deliveries) expect(await h.worker.get(DeliverMessage).execute(d.id)).toEqual({ status: 'already-finished' });

    const email = deliveries.find((d: { channel: string }) => d.channel === 'email');
    expect(h.sink.withMessageId(messageIdFor(email.idempotency_key, FROM))).toHaveLength(1);
    expect(h.sink.messages.filter((m) => m.to[0] === 'twice@example.org')).toHaveLength(1);
    expect(h.gateway.received.filter((r) => r.body.to === '+212611111111')).toHaveLength(1);
    const [{ count }] = await h.dataSource.query(`select count(*)::int as count from notification_inbox i join notification_deliveries d on d.id = i.delivery_id where d.notification_id = $1`, [id]);
    expect(count).toBe(1);
    expect((await deliveriesOf(h, id)).every((d: { attempts: number }) => d.attempts === 1)).toBe(true);
  });

  it('lets one of several concurrent attempts on a delivery send, and only one', async () => {
    const recipientId = h.applicant({ language: 'en', email: 'race@example.org' });
    const id = await h.request({ event: 'renewal.reminder', recipientId, params: { reference: REF, expiresOn: '2026-09-30', daysBefore: 30 } });
    await h.worker.get(DispatchNotification).execute(id).catch(() => undefined); // races the queued dispatch job
    const { id: deliveryId } = await h.until(`select id from notification_deliveries where notification_id = $1`, [id]);
    const deliver = h.worker.get(DeliverMessage);
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => deliver.execute(deliveryId as string)));
    const sentHere = outcomes.filter((o) => o.status === 'fulfilled' && o.value.status === 'sent').length;
    expect(sentHere).toBeLessThanOrEqual(1);
    await allSent(h, id, 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.sink.messages.filter((m) => m.to[0] === 'race@example.org')).toHaveLength(1);
  });

  it('retries with backoff, dead-letters after the last attempt, and lets an admin retry it', async () => {
    h.sink.refuseNext(3, 451, 'Greylisted, try later');
    const recipientId = h.applicant({ language: 'es', email: 'dead@example.org' });
    const id = await h.request({ event: 'deadline.warning', recipientId, params: { reference: REF, deadline: 'documents', dueDate: '2026-10-01' } });
    const row = await h.until(`select d.id, d.attempts, d.last_error from notification_deliveries d where notification_id = $1 and status = 'dead'`, [id]);
    expect(row).toMatchObject({ attempts: 3, last_error: 'SMTP delivery failed (451)' });
    expect(h.sink.messages.filter((m) => m.to[0] === 'dead@example.org')).toHaveLength(0);

    const list = await h.api.app.inject({ method: 'GET', url: '/admin/notifications/dead-letters', headers: await h.api.as(ADMIN) });
    expect(list.statusCode).toBe(200);
    const letter = list.json().items.find((l: { deliveryId: string }) => l.deliveryId === row.id);
    expect(letter).toMatchObject({ channel: 'email', event: 'deadline.warning', attempts: 3, lastError: 'SMTP delivery failed (451)', notificationId: id });
    expect(JSON.stringify(list.json())).not.toContain('dead@example.org');
    for (const who of [CASEWORKER, APPLICANT]) {
      const r = await h.api.app.inject({ method: 'GET', url: '/admin/notifications/dead-letters', headers: await h.api.as(who) });
      expect(r.statusCode).toBe(403);
      const p = await h.api.app.inject({ method: 'POST', url: `/admin/notifications/dead-letters/${letter.id}/retry`, headers: await h.api.as(who) });
      expect(p.statusCode).toBe(403);
    }

    const retry = await h.api.app.inject({ method: 'POST', url: `/admin/notifications/dead-letters/${letter.id}/retry`, headers: await h.api.as(ADMIN) });
    expect(retry.statusCode).toBe(202);
    await allSent(h, id, 1);
    expect(h.sink.messages.filter((m) => m.to[0] === 'dead@example.org')).toHaveLength(1);
    const again = await h.api.app.inject({ method: 'POST', url: `/admin/notifications/dead-letters/${letter.id}/retry`, headers: await h.api.as(ADMIN) });
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('NOTIFICATIONS_DEAD_LETTER_NOT_FOUND');
    const after = await h.api.app.inject({ method: 'GET', url: '/admin/notifications/dead-letters', headers: await h.api.as(ADMIN) });
    expect(after.json().items.find((l: { id: string }) => l.id === letter.id)).toBeUndefined();
    const [audit] = await h.dataSource.query(`select count(*)::int as n from audit_events where action = 'notification.dead_letter_retried' and subject_id = $1`, [row.id]);
    expect(audit.n).toBe(1);
  });

  it('dead-letters a permanent refusal at once, and retries an SMS gateway that answers 503', async () => {
    h.sink.refuseNext(1, 550, 'No such mailbox');
    h.gateway.answer = (n, req) => (req.body.to === '+212622222222' && h.gateway.received.filter((r) => r.body.to === '+212622222222').length <= 2 ? { status: 503 } : { status: 202, body: JSON.stringify({ id: `gw-${n}` }) });
    const recipientId = h.applicant({ language: 'ar', email: 'nobody@example.org', phone: '+212622222222' });
    const id = await h.request({ event: 'interview.scheduled', recipientId, params: { reference: REF, at: '2026-10-05T09:00:00Z', place: 'عمالة الرباط' } });
    const dead = await h.until(`select attempts, last_error from notification_deliveries where notification_id = $1 and channel = 'email' and status = 'dead'`, [id]);
    expect(dead).toMatchObject({ attempts: 1, last_error: 'SMTP server refused the message (550)' });
    const sms = await h.until(`select attempts, sms_segments, provider_message_id from notification_deliveries where notification_id = $1 and channel = 'sms' and status = 'sent'`, [id]);
    expect(sms).toMatchObject({ attempts: 3, sms_segments: 2, provider_message_id: 'gw-' + h.gateway.received.length });
  });
}

describe('notifications on the PostgreSQL queue backend', () => suite('postgres'));
describeWithRedis('notifications on the Redis queue backend', () => suite('redis'));
void QUEUE_BACKENDS;
