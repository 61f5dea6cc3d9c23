import type { SmsEncoding } from '../sms/sms-encoding';
import type { Language } from '../templates/language';

export const CHANNELS = ['email', 'sms', 'in_app'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What a provider said when it accepted a message. */
export interface SentReceipt {
  providerMessageId: string;
}

/**
 * A failure to hand a message over. `retryable` says whether trying again later may succeed (a timeout, a 4xx
 * SMTP answer, a gateway 5xx); a permanent one (a mailbox that does not exist) goes straight to the dead letters.
 * The message never contains the recipient's address or the text.
 */
export class DeliveryFailed extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly providerCode?: string,
  ) {
    super(message);
    this.name = 'DeliveryFailed';
  }
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  language: Language;
  /**
   * The delivery's idempotency key. The adapter makes it the Message-ID, so that if a crash between sending and
   * recording makes us send again, the copy carries the same Message-ID and can be recognised as a duplicate.
   */
  idempotencyKey: string;
}

export interface SmsMessage {
  /** E.164. */
  to: string;
  text: string;
  encoding: SmsEncoding;
  idempotencyKey: string;
}

/** Port: e-mail. The adapter is SMTP (nodemailer); tests use a real SMTP server (test/support/smtp-sink). */
export interface EmailSender {
  send(message: EmailMessage): Promise<SentReceipt>;
  close?(): Promise<void>;
}

/** Port: SMS. The adapter is an HTTP gateway. */
export interface SmsSender {
  send(message: SmsMessage): Promise<SentReceipt>;
}

export const EMAIL_SENDER = Symbol('EMAIL_SENDER');
export const SMS_SENDER = Symbol('SMS_SENDER');
