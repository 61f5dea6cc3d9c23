/**
 * One delivery attempt in a process of its own, for tests that SIGKILL it at a chosen moment (point-of-no-return
 * e2e spec). The real DeliverMessage and SmtpEmailSender; the contact is the e-mail given.
 *
 *   node -r @swc-node/register test/notifications/support/deliver-in-child.ts
 *   env: DB_URL, SMTP_URL, MAIL_FROM, DELIVERY_ID, EMAIL, HOLD=at-point-of-no-return (optional)
 *
 * With HOLD, the attempt stops at its point of no return, before the marker is written (the SMTP server holds the
 * whole message but its end), prints `holding` and waits there to be killed. Without, it prints its outcome.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@masar/database';
import { DEFAULT_NOTIFICATIONS_OPTIONS, DeliverMessage, SmtpEmailSender, type EmailSender } from '@masar/notifications';
import { Outbox } from '@masar/outbox';
import { ChannelRegistry } from '../../../libs/notifications/src/channels/channel-registry';

async function main(): Promise<void> {
  const env = (name: string) => process.env[name] ?? (() => { throw new Error(`${name} is not set`); })();
  const ds = await new DataSource(dataSourceOptions(env('DB_URL'), 2)).initialize();
  const smtp = new SmtpEmailSender({ smtpUrl: env('SMTP_URL'), from: env('MAIL_FROM') });
  const email: EmailSender =
    process.env.HOLD === 'at-point-of-no-return'
      ? {
          send: (message) =>
            smtp.send(message, async () => {
              console.log('holding');
              await new Promise(() => undefined);
            }),
        }
      : smtp;
  const recipients = { contactOf: async () => ({ language: 'fr', email: env('EMAIL') }) };
  const deliver = new DeliverMessage(ds, new Outbox(), new ChannelRegistry(email, null), recipients, DEFAULT_NOTIFICATIONS_OPTIONS);
  console.log(JSON.stringify(await deliver.execute(env('DELIVERY_ID'))));
  await smtp.close();
  await ds.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
