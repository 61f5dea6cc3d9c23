import { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import { DeliveryFailed, DeliveryUnconfirmed, type EmailMessage, type EmailSender, type PointOfNoReturn, type SentReceipt } from './delivery-channel.port';
import { withRunningDeadline } from './running-deadline';
import { SmtpSessions, type SmtpSession } from './smtp-sessions';

export interface SmtpOptions {
  smtpUrl: string;
  from: string;
  /** Sessions kept open: a batch of a thousand notifications must not open a thousand sessions. */
  maxConnections?: number;
  /** Connecting, the greeting, and a whole message may each take this long (running time; see withRunningDeadline). */
  timeoutMs?: number;
}

/** Message-ID for a delivery: the idempotency key at the sender's domain (RFC 5322 id-left and id-right). */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'masar.local';
  return `<${idempotencyKey.replace(/[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]/g, '-')}@${domain}>`;
}

/**
 * The message as nodemailer's SMTP connection reads it, holding back its end. The connection starts reading only
 * once the server has accepted the envelope and answered DATA with 354, and writes the end of DATA (CRLF.CRLF)
 * when this stream ends. So the first read says "the server is taking the message"; the body goes at once, and the
 * end only when `writeEnd()` is called. A server that loses the connection before that end drops the message.
 */
class HeldBackMessage extends Readable {
  started = false;
  endWritten = false;

  constructor(
    private readonly body: Buffer,
    private readonly onBodyTaken: () => void,
  ) {
    super();
  }

  override _read(): void {
    if (this.started) return;
    this.started = true;
    // The pipe's own 'data' listener (added first) has written the body to the socket stream when this one runs;
    // setImmediate lets the SMTP dot-escaping stream pass it on to the socket before the caller goes on.
    this.once('data', () => setImmediate(this.onBodyTaken));
    this.push(this.body);
  }

  writeEnd(): void {
    this.endWritten = true;
    this.push(null);
  }
}

/**
 * E-mail over SMTP, with a point of no return. SMTP has no idempotency on the wire: once the server has the final
 * CRLF.CRLF of DATA it may accept the message, and a sender that dies before recording the answer cannot ask
 * whether it did. So the uncertainty is moved to where it can be recorded: the whole message is written but its
 * end is held back until the caller's `pointOfNoReturn` has committed a marker; only then is the end written.
 * A sender killed before that leaves a server that never saw the end and drops the message (sending again is
 * safe); one killed after it leaves a marker that says "may have arrived" (see DeliverMessage).
 */
export class SmtpEmailSender implements EmailSender {
  private readonly sessions: SmtpSessions;

  private readonly timeout: number;

  constructor(private readonly options: SmtpOptions) {
    const timeout = (this.timeout = options.timeoutMs ?? 15000);
    const { auth, ...server } = parseConnectionUrl(options.smtpUrl);
    this.sessions = new SmtpSessions(
      {
        ...(server as SMTPConnection.Options),
        logger: false,
        // Before any message is written, a spurious timeout after a freeze only delays: nothing was sent.
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        // Once a message is being written, a socket timer could fire on waking from a freeze before the 250 waiting
        // in the socket is read, and an accepted message would be reported as failed. The send deadline is ours
        // (running time only); this is only the backstop for a socket nobody will ever answer.
        socketTimeout: 10 * 60_000,
      },
      auth,
      options.maxConnections ?? 4,
    );
  }

  async send(message: EmailMessage, pointOfNoReturn?: PointOfNoReturn): Promise<SentReceipt> {
    const messageId = messageIdFor(message.idempotencyKey, this.options.from);
    const mime = new MailComposer({
      from: this.options.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId,
      headers: { 'Content-Language': message.language, 'Auto-Submitted': 'auto-generated' },
    }).compile();
    const envelope = mime.getEnvelope();
    const body = await mime.build();
    const progress = { endWritten: false, refusedAtPoint: undefined as unknown };
    try {
      await withRunningDeadline(this.timeout * 2, 'SMTP server', (signal) => this.transmit(envelope, body, messageId, pointOfNoReturn, progress, signal));
      return { providerMessageId: messageId };
    } catch (err) {
      // The caller's own refusal at the point of no return (its claim was taken over, its database went away).
      if (progress.refusedAtPoint !== undefined) throw progress.refusedAtPoint;
      if (progress.endWritten && !isServerAnswer(err)) {
        throw new DeliveryUnconfirmed(`the SMTP server had the whole message and gave no answer (${describe(err)})`, messageId);
      }
      throw classifySmtpError(err);
    }
  }

  async close(): Promise<void> {
    this.sessions.close();
  }

  private async transmit(
    envelope: SMTPConnection.Envelope,
    body: Buffer,
    messageId: string,
    pointOfNoReturn: PointOfNoReturn | undefined,
    progress: { endWritten: boolean; refusedAtPoint: unknown },
    signal: AbortSignal,
  ): Promise<SMTPConnection.SentMessageInfo> {
    for (let retry = 0; ; retry++) {
      const session = await this.sessions.acquire(signal, retry > 0);
      const reused = session.used > 0;
      let message: HeldBackMessage | undefined;
      try {
        const info = await new Promise<SMTPConnection.SentMessageInfo>((resolve, reject) => {
          const taken = () => void this.endWhenCommitted(session, message!, messageId, pointOfNoReturn, progress, signal);
          message = new HeldBackMessage(body, taken);
          const abort = () => {
            // Past the deadline: never write the end after this (the caller records a failure it believes).
            if (!message!.endWritten) message!.destroy();
            reject(signal.reason);
          };
          if (signal.aborted) return abort();
          signal.addEventListener('abort', abort, { once: true });
          session.connection.send(envelope, message, (err, info) => {
            signal.removeEventListener('abort', abort);
            if (err) reject(err);
            else resolve(info);
          });
        });
        this.sessions.release(session, true);
        return info;
      } catch (err) {
        this.sessions.release(session, false);
        // A kept session that the server had closed while idle fails before reading a byte of the message: nothing
        // was sent, so try once more on a new session.
        const stale = reused && !message?.started && typeof (err as SMTPConnection.SMTPError).responseCode !== 'number';
        if (retry === 0 && stale && !signal.aborted) continue;
        throw err;
      }
    }
  }

  /** Runs when the server holds the whole message but its end: commit the caller's marker, then write the end. */
  private async endWhenCommitted(
    session: SmtpSession,
    message: HeldBackMessage,
    messageId: string,
    pointOfNoReturn: PointOfNoReturn | undefined,
    progress: { endWritten: boolean; refusedAtPoint: unknown },
    signal: AbortSignal,
  ): Promise<void> {
    if (pointOfNoReturn) {
      try {
        await pointOfNoReturn(messageId);
      } catch (err) {
        progress.refusedAtPoint = err ?? new Error('refused at the point of no return');
        message.destroy(err as Error);
        return;
      }
    }
    // The deadline passed, or the server closed the session, while the marker committed: the end would not count
    // (or go nowhere). Nothing was sent; the caller records a failure, which clears the marker.
    if (signal.aborted || session.broken || message.destroyed) {
      message.destroy(new Error('the SMTP session ended before the end of the message was written'));
      return;
    }
    // Nothing between the commit above and this write: a process killed here is the only way to leave a marker
    // for a message the server never got (it then shows as unconfirmed, and was not received).
    message.writeEnd();
    progress.endWritten = true;
  }
}

/** A reply from the server (a 4xx or 5xx code) is an answer: the message was not accepted. */
function isServerAnswer(err: unknown): boolean {
  const code = (err as { responseCode?: unknown })?.responseCode;
  return typeof code === 'number' && code >= 400;
}

function describe(err: unknown): string {
  if (err instanceof DeliveryFailed) return err.providerCode ?? err.message;
  const e = err as { code?: string; name?: string };
  return e?.code ?? e?.name ?? 'error';
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
