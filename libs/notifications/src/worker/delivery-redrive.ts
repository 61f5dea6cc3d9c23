import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Outbox } from '@masar/outbox';
import { NOTIFICATIONS_OPTIONS, type NotificationsOptions } from '../notifications.options';

/**
 * The tables, not the queue, say what remains to be sent. A job can be lost: it failed all its queue attempts
 * during a long database outage, or stalled more often than bullmq allows after repeated worker kills. Every
 * `redriveEveryMs` this finds unfinished deliveries and undispatched notifications untouched for `redriveAfterMs`
 * and queues them again through the outbox. A redriven job that finds its work done does nothing, so running this
 * in every worker process at once is harmless.
 */
@Injectable()
export class DeliveryRedrive implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('NotificationsRedrive');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (process.env.MASAR_NOTIFICATIONS_REDRIVE === 'off') return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runOnce()
        .catch((err) => this.logger.warn({ err: (err as Error)?.message }, 'redrive failed; will try again'))
        .finally(() => (this.running = null));
    }, this.options.redriveEveryMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Queues again what looks lost; returns how many deliveries and notifications. */
  async runOnce(): Promise<{ deliveries: number; notifications: number }> {
    const afterSeconds = this.options.redriveAfterMs / 1000;
    return this.dataSource.transaction(async (manager) => {
      const deliveries: { id: string }[] = await manager.query(
        `with lost as (
           select id from notification_deliveries
            where status in ('pending', 'sending', 'failed')
              and updated_at < now() - make_interval(secs => $1)
              and (status <> 'failed' or next_attempt_at < now() - make_interval(secs => $1))
            order by updated_at limit 500 for update skip locked)
         update notification_deliveries d set updated_at = now() from lost where d.id = lost.id returning d.id`,
        [afterSeconds],
      ).then((r) => (Array.isArray(r[0]) ? r[0] : r));
      const notifications: { id: string }[] = await manager.query(
        `select id from notifications where dispatched_at is null and requested_at < now() - make_interval(secs => $1)
          order by requested_at limit 500 for update skip locked`,
        [afterSeconds],
      );
      await this.outbox.addMany(manager, [
        ...deliveries.map((d) => ({ name: 'notifications.deliver' as const, payload: { deliveryId: d.id } })),
        ...notifications.map((n) => ({ name: 'notifications.dispatch' as const, payload: { notificationId: n.id } })),
      ]);
      if (deliveries.length || notifications.length) {
        this.logger.warn({ deliveries: deliveries.length, notifications: notifications.length }, 'queued again work whose job looked lost');
      }
      return { deliveries: deliveries.length, notifications: notifications.length };
    });
  }
}
