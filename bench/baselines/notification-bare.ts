/**
 * The bare baseline of notification delivery: a plain BullMQ Worker on the same Redis, same concurrency, one job per
 * notification: read the notification and the applicant's contact (one statement), decrypt the address with the
 * cases context's field cipher, render with the notifications context's own templates, send through the same SMTP
 * adapter to the same SMTP server, record the delivery (one insert, once per notification). No Nest, no logging, no
 * dispatch/deliver split through the outbox, no claims, no backoff bookkeeping.
 */
import { Worker } from 'bullmq';
import { Pool } from 'pg';
import { loadConfig } from '@masar/config';
import { renderNotification, SmtpEmailSender, type NotificationEvent } from '@masar/notifications';
import { configureQueueBackend } from '@masar/queue';
import { FieldCipher } from '../../libs/cases/src/crypto/field-cipher';

async function main(): Promise<void> {
  const config = loadConfig();
  const backend = configureQueueBackend({ redisUrl: config.queue.redisUrl, databaseUrl: config.database.url!, prefix: config.queue.prefix });
  const pool = new Pool({ connectionString: config.database.url, max: 10 });
  await pool.query(`create table if not exists bench_bare_deliveries (notification_id uuid primary key, message_id text not null, sent_at timestamptz not null default now())`);
  const cipher = new FieldCipher(config.crypto.dataKeys, config.crypto.currentKeyId);
  const email = new SmtpEmailSender({ smtpUrl: config.mail.smtpUrl!, from: config.mail.from });
  const worker = new Worker(
    'notifications',
    async (job) => {
      const { rows } = await pool.query(
        `select n.id, n.event, n.params, n.occurrence_key, p.email_enc, p.preferred_language
           from notifications n join applicants p on p.id = n.recipient_id where n.id = $1`,
        [job.data.notificationId],
      );
      const n = rows[0];
      if (!n || !n.email_enc) return { result: 'skipped' };
      const done = await pool.query(`select 1 from bench_bare_deliveries where notification_id = $1`, [n.id]);
      if (done.rowCount) return { result: 'already-sent' };
      const to = cipher.decrypt(n.email_enc, 'applicants.email');
      const r = renderNotification(n.event as NotificationEvent, n.params, n.preferred_language);
      const receipt = await email.send({ to, subject: r.subject, text: r.text, html: r.html, language: r.language, idempotencyKey: `bare:${n.id}:email` });
      await pool.query(`insert into bench_bare_deliveries (notification_id, message_id) values ($1, $2) on conflict do nothing`, [n.id, receipt.providerMessageId]);
      return { result: 'sent' };
    },
    { connection: backend.connection, prefix: backend.prefix, concurrency: config.worker.concurrency },
  );
  await worker.waitUntilReady();
  console.log('bare notification worker ready');
  const stop = async () => {
    await worker.close();
    await email.close?.();
    await pool.end();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
