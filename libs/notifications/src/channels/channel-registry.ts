import type { Channel, EmailSender, SmsSender } from './delivery-channel.port';

/**
 * The channels this process can send on. E-mail and SMS exist only when configured (SMTP_URL, SMS_GATEWAY_URL);
 * the in-app channel always exists. Dispatch creates deliveries only for channels that exist.
 */
export class ChannelRegistry {
  constructor(
    readonly email: EmailSender | null,
    readonly sms: SmsSender | null,
  ) {}

  has(channel: Channel): boolean {
    return channel === 'in_app' || (channel === 'email' ? this.email !== null : this.sms !== null);
  }
}
