import SMTPConnection from 'nodemailer/lib/smtp-connection';

/** One open SMTP session of the pool; `broken` once it errored or the server ended it. */
export interface SmtpSession {
  readonly connection: SMTPConnection;
  /** Messages it has carried; a reused session may have been dropped by the server while idle. */
  readonly used: number;
  readonly broken: boolean;
}

interface OpenSession extends SmtpSession {
  used: number;
  broken: boolean;
}

/**
 * A few SMTP sessions kept open and lent one message at a time (a campaign's thousand notifications must not open
 * a thousand sessions). nodemailer's own pool does the same, but it composes each message through internal stream
 * buffers and so hides when the server has accepted the envelope and taken the message: the sender needs that
 * moment (its point of no return, see SmtpEmailSender), so it drives nodemailer's SMTPConnection itself.
 *
 * A session that failed in any way is closed, never lent again: after an error in the middle of DATA, a later
 * message written on it would be read as the rest of the earlier one.
 */
export class SmtpSessions {
  private readonly idle: OpenSession[] = [];
  private free: number;
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly options: SMTPConnection.Options,
    private readonly auth: SMTPConnection.Credentials | undefined,
    maxSessions: number,
  ) {
    this.free = maxSessions;
  }

  /** Lends a session, opening one if none is idle; waits while every session is lent. `fresh` skips idle ones. */
  async acquire(signal: AbortSignal, fresh = false): Promise<SmtpSession> {
    await this.slot(signal);
    try {
      for (let s = this.idle.pop(); s; s = this.idle.pop()) {
        if (!s.broken && !fresh) return s;
        s.connection.close();
      }
      return await this.open(signal);
    } catch (err) {
      this.giveSlot();
      throw err;
    }
  }

  /** Gives a session back: kept for the next message if it is sound, closed otherwise. */
  release(session: SmtpSession, sound: boolean): void {
    const s = session as OpenSession;
    s.used++;
    if (sound && !s.broken && !this.closed) this.idle.push(s);
    else {
      s.broken = true;
      s.connection.close();
    }
    this.giveSlot();
  }

  close(): void {
    this.closed = true;
    for (const s of this.idle.splice(0)) {
      s.broken = true;
      s.connection.quit();
    }
  }

  private open(signal: AbortSignal): Promise<OpenSession> {
    const connection = new SMTPConnection(this.options);
    const session: OpenSession = { connection, used: 0, broken: false };
    // Errors also reach the callback of the command in flight; this listener only keeps them from being unhandled.
    connection.on('error', () => (session.broken = true));
    connection.on('end', () => (session.broken = true));
    return new Promise<OpenSession>((resolve, reject) => {
      const abort = () => {
        connection.close();
        reject(signal.reason);
      };
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      // A refused or failed connection is reported as an 'error' event, not to the connect callback.
      const failed = (err: Error) => done(err);
      connection.once('error', failed);
      const done = (err?: Error | null) => {
        connection.removeListener('error', failed);
        signal.removeEventListener('abort', abort);
        if (signal.aborted) return;
        if (err) {
          connection.close();
          reject(err);
        } else resolve(session);
      };
      connection.connect((err) => {
        if (err || !this.auth) return done(err);
        connection.login({ credentials: this.auth }, (e) => done(e));
      });
    });
  }

  private slot(signal: AbortSignal): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const take = () => {
        signal.removeEventListener('abort', abort);
        resolve(); // the slot is handed over as it is, `free` unchanged
      };
      const abort = () => {
        const i = this.waiting.indexOf(take);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal.reason);
      };
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      this.waiting.push(take);
    });
  }

  private giveSlot(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
