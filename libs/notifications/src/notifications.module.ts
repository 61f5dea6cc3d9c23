import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadLettersController } from './api/dead-letters.controller';
import { MyNotificationsController } from './api/my-notifications.controller';
import { RetryDeadLetter } from './api/retry-dead-letter.use-case';
import { QueueDashboardAccessController } from './queue-dashboard/queue-dashboard-access.controller';
import { NOTIFICATION_ENTITIES } from './persistence';
import { NotificationRequests } from './request/notification-requests';
import { EraseNotifications } from './retention/erase-notifications.use-case';

/**
 * The notifications part of the API: the applicant's in-app list, the admin's dead letters, and the public use
 * case NotificationRequests for the other contexts (global, so cases can inject it without importing us).
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES)],
  controllers: [MyNotificationsController, DeadLettersController, QueueDashboardAccessController],
  providers: [NotificationRequests, RetryDeadLetter, EraseNotifications],
  exports: [NotificationRequests, EraseNotifications],
})
export class NotificationsModule {}
