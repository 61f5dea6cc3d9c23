import { Global, Inject, Module, type DynamicModule, type ModuleMetadata, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import { ChannelRegistry } from '../channels/channel-registry';
import { EMAIL_SENDER, SMS_SENDER, type EmailSender, type SmsSender } from '../channels/delivery-channel.port';
import { HttpSmsSender } from '../channels/http-sms.sender';
import { SmtpEmailSender } from '../channels/smtp-email.sender';
import { DeliverMessage } from '../deliver/deliver-message.use-case';
import { DispatchNotification } from '../dispatch/dispatch-notification.use-case';
import { DEFAULT_NOTIFICATIONS_OPTIONS, NOTIFICATIONS_OPTIONS, type NotificationsOptions } from '../notifications.options';
import { NOTIFICATION_ENTITIES } from '../persistence';
import { RECIPIENT_DIRECTORY } from '../recipients/recipient-directory.port';
import { NotificationRequests } from '../request/notification-requests';
import { EraseNotifications } from '../retention/erase-notifications.use-case';
import { DeliveryRedrive } from './delivery-redrive';
import { NotificationsProcessor } from './notifications.processor';

type WithoutProvide<P> = P extends { provide: unknown } ? Omit<P, 'provide'> : never;

export interface NotificationsWorkerOptions {
  /** How to reach applicants: the cases context's implementation of RecipientDirectory. */
  recipients: WithoutProvide<Exclude<Provider, Function>>;
  /** Modules the recipient directory needs (the cases module that provides it). */
  imports?: ModuleMetadata['imports'];
  options?: Partial<NotificationsOptions>;
  /** Replace the configured senders (SMTP_URL, SMS_GATEWAY_URL); null turns a channel off. */
  email?: EmailSender | null;
  sms?: SmsSender | null;
}

/** Closes the SMTP pool on shutdown so that the worker exits promptly. */
class SenderLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EMAIL_SENDER) private readonly email: EmailSender | null) {}
  async onApplicationShutdown(): Promise<void> {
    await this.email?.close?.();
  }
}

/**
 * The notifications part of the worker: the 'notifications' queue processor (dispatch, deliver), the channels
 * built from configuration, and the redrive of lost work. Needs ConfigModule, DatabaseModule, QueueModule and
 * OutboxModule (with the relay) from the worker. Global so that other contexts in the worker (documents) can ask
 * for notifications with NotificationRequests.
 */
@Global()
@Module({})
export class NotificationsWorkerModule {
  static forRoot(opts: NotificationsWorkerOptions): DynamicModule {
    return {
      module: NotificationsWorkerModule,
      imports: [...(opts.imports ?? []), TypeOrmModule.forFeature(NOTIFICATION_ENTITIES)],
      providers: [
        { provide: NOTIFICATIONS_OPTIONS, useValue: { ...DEFAULT_NOTIFICATIONS_OPTIONS, ...opts.options } },
        { provide: RECIPIENT_DIRECTORY, ...opts.recipients } as Provider,
        {
          provide: EMAIL_SENDER,
          inject: [MASAR_CONFIG],
          useFactory: (config: MasarConfig) =>
            opts.email !== undefined ? opts.email : config.mail.smtpUrl ? new SmtpEmailSender({ smtpUrl: config.mail.smtpUrl, from: config.mail.from }) : null,
        },
        {
          provide: SMS_SENDER,
          inject: [MASAR_CONFIG],
          useFactory: (config: MasarConfig) =>
            opts.sms !== undefined ? opts.sms : config.sms.gatewayUrl ? new HttpSmsSender({ gatewayUrl: config.sms.gatewayUrl }) : null,
        },
        { provide: ChannelRegistry, inject: [EMAIL_SENDER, SMS_SENDER], useFactory: (e: EmailSender | null, s: SmsSender | null) => new ChannelRegistry(e, s) },
        SenderLifecycle,
        NotificationRequests,
        EraseNotifications,
        DispatchNotification,
        DeliverMessage,
        DeliveryRedrive,
        NotificationsProcessor,
      ],
      exports: [NotificationRequests, EraseNotifications, DispatchNotification, DeliverMessage, DeliveryRedrive],
    };
  }
}
