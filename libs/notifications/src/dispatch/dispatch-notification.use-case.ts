import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Outbox } from '@masar/outbox';
import { ChannelRegistry } from '../channels/channel-registry';
import type { Channel } from '../channels/delivery-channel.port';
import { RECIPIENT_DIRECTORY, type RecipientContact, type RecipientDirectory } from '../recipients/recipient-directory.port';
import { deliveryKey } from '../request/idempotency-key';

export type DispatchOutcome = { status: 'gone' | 'already-dispatched' } | { status: 'dispatched'; channels: Channel[] };

/** The channels an applicant can be reached on, among those this process has. */
export function channelsFor(contact: RecipientContact | null, registry: ChannelRegistry): Channel[] {
  if (!contact) return [];
  const channels: Channel[] = [];
  if (contact.email && registry.has('email')) channels.push('email');
  if (contact.phone && registry.has('sms')) channels.push('sms');
  if (contact.userId) channels.push('in_app');
  return channels;
}

/**
 * 'notifications.dispatch': fans a notification out into one delivery per channel, each with its idempotency key,
 * and queues their 'notifications.deliver' jobs through the outbox in the same transaction. Run twice, the second
 * run finds the notification dispatched (or the keys taken) and queues nothing new.
 */
@Injectable()
export class DispatchNotification {
  private readonly logger = new Logger('NotificationsDispatch');

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly channels: ChannelRegistry,
    @Inject(RECIPIENT_DIRECTORY) private readonly recipients: RecipientDirectory,
  ) {}

  async execute(notificationId: string): Promise<DispatchOutcome> {
    const [n] = await this.dataSource.query(
      `select id, event, occurrence_key, recipient_id, dispatched_at from notifications where id = $1`,
      [notificationId],
    );
    if (!n) {
      this.logger.warn({ notificationId }, 'notification to dispatch no longer exists; skipped');
      return { status: 'gone' };
    }
    if (n.dispatched_at) return { status: 'already-dispatched' };
    // Read before the transaction: the directory may decrypt, and a transaction must not wait on slow work.
    const contact = await this.recipients.contactOf(n.recipient_id);
    const channels = channelsFor(contact, this.channels);

    return this.dataSource.transaction(async (manager) => {
      const [locked] = await manager.query(`select dispatched_at from notifications where id = $1 for update`, [notificationId]);
      if (locked.dispatched_at) return { status: 'already-dispatched' } as const;
      const rows = channels.map((channel) => ({
        id: randomUUID(),
        channel,
        key: deliveryKey({ event: n.event, occurrenceKey: n.occurrence_key, recipientId: n.recipient_id, channel }),
      }));
      const created: { id: string }[] = rows.length
        ? await manager.query(
            `insert into notification_deliveries (id, notification_id, channel, idempotency_key)
             select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])
             on conflict (idempotency_key) do nothing
             returning id`,
            [rows.map((r) => r.id), rows.map(() => notificationId), rows.map((r) => r.channel), rows.map((r) => r.key)],
          )
        : [];
      // Each delivery id is also its first job's id.
      await this.outbox.addMany(manager, created.map((d) => ({ name: 'notifications.deliver' as const, payload: { deliveryId: d.id }, options: { id: d.id } })));
      await manager.query(`update notifications set dispatched_at = now() where id = $1`, [notificationId]);
      if (!contact) this.logger.warn({ notificationId }, 'recipient no longer exists; nothing to send');
      return { status: 'dispatched', channels } as const;
    });
  }
}
