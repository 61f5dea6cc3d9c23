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

/**
 * An e-mail whose outcome is unknown: the end of DATA was written (the server had the whole message and could
 * accept it from then on), and no answer came back (the connection dropped, the deadline passed). Sending it again
 * could make a copy, so it is not retried by itself. The message never contains the address or the text.
 */
export class DeliveryUnconfirmed extends Error {
  constructor(
    message: string,
    readonly providerMessageId: string,
  ) {
    super(message);
    this.name = 'DeliveryUnconfirmed';
  }
}

/**
 * Called by the e-mail sender at the point of no return of a message: the server accepted the envelope and holds
 * the whole message except the end of DATA (the final CRLF.CRLF), which it has not seen and without which it
 * drops the message when the connection goes. The sender writes that end only once this resolves; if it rejects,
 * the end is never written and the send fails with that error (nothing was sent). The caller records, durably,
 * that from here on the message may arrive.
 */
export type PointOfNoReturn = (providerMessageId: string) => Promise<void>;

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
  /**
   * Resolves when the server accepted the message; rejects with DeliveryFailed when it certainly did not (a 4xx or
   * 5xx answer, or a failure before the end of DATA was written), and with DeliveryUnconfirmed when the end was
   * written and no answer came. With `pointOfNoReturn`, the end of DATA waits for it (see PointOfNoReturn).
   */
  send(message: EmailMessage, pointOfNoReturn?: PointOfNoReturn): Promise<SentReceipt>;
  close?(): Promise<void>;
}

/** Port: SMS. The adapter is an HTTP gateway. */
export interface SmsSender {
  send(message: SmsMessage): Promise<SentReceipt>;
}

export const EMAIL_SENDER = Symbol('EMAIL_SENDER');
export const SMS_SENDER = Symbol('SMS_SENDER');
