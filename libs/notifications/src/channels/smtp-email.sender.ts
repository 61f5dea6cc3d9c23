import { createTransport, type Transporter } from 'nodemailer';
import { DeliveryFailed, type EmailMessage, type EmailSender, type SentReceipt } from './delivery-channel.port';
import { withRunningDeadline } from './running-deadline';

export interface SmtpOptions {
  smtpUrl: string;
  from: string;
  /** Pooled connections: a batch of a thousand notifications must not open a thousand sessions. */
  maxConnections?: number;
  /** Connecting, the greeting, and a whole message may each take this long (running time; see withRunningDeadline). */
  timeoutMs?: number;
}

/** Message-ID for a delivery: the idempotency key at the sender's domain (RFC 5322 id-left and id-right). */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'masar.local';
  return `<${idempotencyKey.replace(/[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]/g, '-')}@${domain}>`;
}

/** E-mail over SMTP. */
export class SmtpEmailSender implements EmailSender {
  private readonly transport: Transporter;

  private readonly timeout: number;

  constructor(private readonly options: SmtpOptions) {
    const timeout = (this.timeout = options.timeoutMs ?? 15000);
    this.transport = createTransport({
      url: options.smtpUrl,
      pool: true,
      maxConnections: options.maxConnections ?? 4,
      // Keep pooled sessions open instead of reconnecting every 100 messages.
      maxMessages: Infinity,
      // Before any message is written, a spurious timeout after a freeze only delays: nothing was sent.
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      // Once a message is being written, nodemailer's socket timer could fire on waking from a freeze before the
      // 250 waiting in the socket is read, and the accepted message would be sent again. The send deadline is ours
      // (running time only); this is only the backstop for a socket nobody will ever answer.
      socketTimeout: 10 * 60_000,
    } as never);
  }

  async send(message: EmailMessage): Promise<SentReceipt> {
    const messageId = messageIdFor(message.idempotencyKey, this.options.from);
    try {
      const info = await withRunningDeadline(this.timeout * 2, 'SMTP server', () => this.transport.sendMail({
        from: this.options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId,
        headers: { 'Content-Language': message.language, 'Auto-Submitted': 'auto-generated' },
      }));
      return { providerMessageId: String(info.messageId ?? messageId) };
    } catch (err) {
      throw classifySmtpError(err);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/**
 * A 5xx answer is permanent (no such mailbox, message refused): retrying sends nothing more. Anything else (a 4xx
 * answer, a refused or dropped connection, a timeout) may pass later.
 */
export function classifySmtpError(err: unknown): DeliveryFailed {
  if (err instanceof DeliveryFailed) return err;
  const e = err as { responseCode?: number; code?: string; message?: string };
  const code = e.responseCode;
  if (typeof code === 'number' && code >= 500 && code < 600) {
    return new DeliveryFailed(`SMTP server refused the message (${code})`, false, String(code));
  }
  const what = typeof code === 'number' ? String(code) : (e.code ?? 'error');
  return new DeliveryFailed(`SMTP delivery failed (${what})`, true, what);
}
