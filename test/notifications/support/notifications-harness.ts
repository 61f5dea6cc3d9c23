import { Test, type TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@masar/config';
import { DatabaseModule, Transactions } from '@masar/database';
import { deliveryKey, NotificationRequests, NotificationsWorkerModule, type Channel, type NotificationRequest, type NotificationsOptions, type RecipientContact } from '@masar/notifications';
import { OutboxModule } from '@masar/outbox';
import { configureQueueBackend, QueueModule } from '@masar/queue';
import { createTestApp, testConfig, type QueueKind, type TestApp } from '@masar/testing';
import { SmtpSink } from '../../support/smtp-sink';
import { InMemoryRecipients } from './in-memory-recipients';
import { SmsGateway } from './sms-gateway';

export const APPLICANT = 'applicant@masar.example';
export const ADMIN = 'admin@masar.example';
export const CASEWORKER = 'caseworker.rabat@masar.example';

export interface NotificationsHarness {
  api: TestApp;
  worker: TestingModule;
  sink: SmtpSink;
  gateway: SmsGateway;
  recipients: InMemoryRecipients;
  dataSource: DataSource;
  /** A new applicant reachable as given; returns their id. */
  applicant(contact: RecipientContact): string;
  /** Asks for a notification in a transaction of its own, as a use case of another context would. */
  request(req: Omit<NotificationRequest, 'applicationId' | 'occurrenceKey'> & Partial<NotificationRequest>): Promise<string>;
  /**
   * A delivery of an 'application.submitted' notification to a new applicant, with no job of its own (the test runs
   * the attempts), in the state a test needs: 'sending' rows get a claim token, as a worker that died left them;
   * `pastPointOfNoReturn` adds the marker of an e-mail whose end of DATA was (about to be) written; `idleMs` ages it.
   */
  pendingDelivery(
    channel: Channel,
    contact: Omit<RecipientContact, 'language'>,
    state?: { status?: string; attempts?: number; pastPointOfNoReturn?: boolean; idleMs?: number },
  ): Promise<{ deliveryId: string; notificationId: string; key: string }>;
  /** Polls the database until `sql` returns a row (or times out). */
  until(sql: string, params?: unknown[], timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * The real API (with NotificationsModule) and a worker context (relay + notifications processor) over one test
 * database, a real SMTP server and a real HTTP SMS gateway.
 */
export async function startNotifications(opts: { queue: QueueKind; options?: Partial<NotificationsOptions> }): Promise<NotificationsHarness> {
  const sink = await SmtpSink.start();
  const gateway = await SmsGateway.start();
  const api = await createTestApp({ queue: opts.queue });
  const config = testConfig(api.db.url, opts.queue, { SMTP_URL: sink.url, SMS_GATEWAY_URL: gateway.url, MAIL_FROM: 'Masar <no-reply@masar.gov.ma>', WORKER_CONCURRENCY: '8' });
  const backend = configureQueueBackend({ redisUrl: config.queue.redisUrl, databaseUrl: config.database.url!, prefix: config.queue.prefix });
  const recipients = new InMemoryRecipients();
  const worker = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule.forRoot(),
      QueueModule.forRoot(backend),
      OutboxModule.withRelay(),
      NotificationsWorkerModule.forRoot({ recipients: { useValue: recipients }, options: { baseBackoffMs: 100, maxBackoffMs: 400, ...opts.options } }),
    ],
  }).compile();
  worker.enableShutdownHooks();
  await worker.init();
  const dataSource = api.app.get(DataSource);
  const requests = api.app.get(NotificationRequests);
  const transactions = api.app.get(Transactions);

  const harness: NotificationsHarness = {
    api,
    worker,
    sink,
    gateway,
    recipients,
    dataSource,
    applicant(contact) {
      const id = randomUUID();
      recipients.contacts.set(id, contact);
      return id;
    },
    async request(req) {
      const r = await transactions.run((m) =>
        requests.request(m, { applicationId: randomUUID(), occurrenceKey: randomUUID(), ...req } as NotificationRequest),
      );
      return r.notificationId;
    },
    async pendingDelivery(channel, contact, state = {}) {
      const recipientId = harness.applicant({ language: 'fr', ...contact });
      const notificationId = randomUUID();
      const deliveryId = randomUUID();
      const occurrence = randomUUID();
      await dataSource.query(
        `insert into notifications (id, event, occurrence_key, application_id, recipient_id, params, dispatched_at)
         values ($1, 'application.submitted', $2, $3, $4, $5::jsonb, now())`,
        [notificationId, occurrence, randomUUID(), recipientId, JSON.stringify({ reference: 'MA-7K3Q-9XWD' })],
      );
      const key = deliveryKey({ event: 'application.submitted', occurrenceKey: occurrence, recipientId, channel });
      await dataSource.query(
        `insert into notification_deliveries (id, notification_id, channel, idempotency_key, status, attempts, claim_token, claimed_at, committing_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, case when $5 = 'sending' then gen_random_uuid() end, case when $5 = 'sending' then now() end,
                 case when $7 then now() end, now() - make_interval(secs => $8::float / 1000))`,
        [deliveryId, notificationId, channel, key, state.status ?? 'pending', state.attempts ?? 0, state.pastPointOfNoReturn ?? false, state.idleMs ?? 0],
      );
      return { deliveryId, notificationId, key };
    },
    async until(sql, params = [], timeoutMs = 15000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [row] = await dataSource.query(sql, params);
        if (row) return row;
        if (Date.now() > deadline) throw new Error(`timed out waiting for: ${sql}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      await worker.close().catch(() => undefined); // a test may have closed it already
      await api.close();
      await sink.close();
      await gateway.close();
    },
  };
  return harness;
}
