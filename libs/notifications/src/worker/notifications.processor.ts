import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import type { JobPayload } from '@masar/queue';
import { DeliverMessage } from '../deliver/deliver-message.use-case';
import { DispatchNotification } from '../dispatch/dispatch-notification.use-case';

/** The 'notifications' queue: payloads are ids; each handler re-reads what it needs and skips what is gone. */
@Processor('notifications')
export class NotificationsProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('NotificationsProcessor');

  constructor(
    private readonly dispatch: DispatchNotification,
    private readonly deliver: DeliverMessage,
    @Inject(MASAR_CONFIG) private readonly config: MasarConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // Sending is I/O bound: several deliveries in flight per process.
    this.worker.concurrency = this.config.worker.concurrency;
    // Each delivery in flight holds a pooled connection for its lock, and briefly another to read the contact.
    if (2 * this.config.worker.concurrency > this.config.database.poolSize) {
      this.logger.warn(
        { concurrency: this.config.worker.concurrency, poolSize: this.config.database.poolSize },
        'WORKER_CONCURRENCY is high for DATABASE_POOL_SIZE: deliveries in flight may wait for connections',
      );
    }
  }

  /**
   * On SIGTERM, stop taking jobs and let those in flight finish before anything they need (the SMTP pool, the
   * database) is closed in the later shutdown phase.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case 'notifications.dispatch':
        return this.dispatch.execute((job.data as JobPayload<'notifications.dispatch'>).notificationId);
      case 'notifications.deliver':
        return this.deliver.execute((job.data as JobPayload<'notifications.deliver'>).deliveryId);
      default:
        this.logger.error({ job: job.name }, 'unknown job on the notifications queue');
        throw new Error(`unknown job ${job.name} on the notifications queue`);
    }
  }
}
