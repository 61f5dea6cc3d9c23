import { Test, type TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@masar/config';
import { DatabaseModule, Transactions } from '@masar/database';
import { NotificationRequests, NotificationsWorkerModule, type NotificationRequest, type NotificationsOptions, type RecipientContact } from '@masar/notifications';
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

  return {
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
}
