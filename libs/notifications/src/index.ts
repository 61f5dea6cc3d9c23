/**
 * Notifications: telling applicants what happens to their file, in their language, by e-mail, SMS and in the
 * app. Owns the templates (Arabic, French, English, Spanish), the SMS length policy, the channels behind ports,
 * and (with the worker) delivering each message once. Other contexts ask for a notification through the public
 * use case exported here, inside their own transaction; they never touch this context's tables.
 */
export * from './events/notification-event';
export { validateParams } from './events/validate-params';
export * from './notifications.errors';
export * from './templates/language';
export type { Block, SmsPart, LanguagePack, EventTemplate } from './templates/template';
export { renderNotification, chooseLanguage, BUILT_IN_PACKS, type RenderedNotification } from './templates/render-notification';
export * from './sms/sms-encoding';
export { fitSms, MAX_SMS_SEGMENTS, type FittedSms } from './sms/fit-sms';
export { foldToGsm7, isGsm7 } from './sms/gsm7';
export * from './channels/delivery-channel.port';
export { SmtpEmailSender, messageIdFor } from './channels/smtp-email.sender';
export { HttpSmsSender } from './channels/http-sms.sender';
export * from './recipients/recipient-directory.port';
export { NotificationRequests, type NotificationRequest, type NotificationRequested } from './request/notification-requests';
export { deliveryKey } from './request/idempotency-key';
export { DEFAULT_NOTIFICATIONS_OPTIONS, type NotificationsOptions } from './notifications.options';
export { DispatchNotification, type DispatchOutcome } from './dispatch/dispatch-notification.use-case';
export { DeliverMessage, DeliveryBusy, type DeliveryOutcome } from './deliver/deliver-message.use-case';
export { DELIVERY_LOCK_CLASS } from './deliver/delivery-claims';
export { DeliveryRedrive } from './worker/delivery-redrive';
export { NotificationsModule } from './notifications.module';
export { NotificationsWorkerModule, type NotificationsWorkerOptions } from './worker/notifications-worker.module';
export { NotificationsMigrations } from './migrations';
export { mountQueueDashboard } from './queue-dashboard/mount-queue-dashboard';
export { EraseNotifications, type ErasedNotifications } from './retention/erase-notifications.use-case';
/** Right of access: the notifications and in-app messages about an applicant's files, for the export the supervision context assembles. */
export { ExportNotificationData, type ExportedNotifications, type ExportedNotification, type ExportedInboxMessage } from './access-rights/export-notification-data';
