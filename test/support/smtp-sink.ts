import { appendFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** One message as the SMTP server received it. */
export interface ReceivedMail {
  /** Envelope sender and recipients (MAIL FROM / RCPT TO). */
  envelope: { from: string; to: string[] };
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** Header lines by lower-case name (the last one wins), values as written. */
  headers: Record<string, string>;
  receivedAt: string;
}

export interface SmtpSinkOptions {
  port?: number;
  /** Append each received message to this file as one JSON line, for tests that read it from another process. */
  recordTo?: string;
}

/**
 * A real SMTP server for tests (smtp-server + mailparser): it accepts every message, parses it and keeps it, so a
 * test reads back what arrived: sender, recipients, subject, text, HTML and headers with the Message-ID. It can
 * refuse the next messages with a given SMTP reply to exercise retries and dead letters.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private refusals: { code: number; message: string }[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    private readonly recordTo?: string,
  ) {}

  static async start(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
    let sink: SmtpSink | undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 10 * 1024 * 1024,
      // A test ends with clients still in the pool; do not wait the default 30 s for them to quit.
      closeTimeout: 200,
      onData: (stream, session, callback) => {
        sink!.receive(stream, session).then(() => callback(), (err: Error) => callback(err));
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
    sink = new SmtpSink(server, port, options.recordTo);
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Hold each message this long before answering, as a slow mail server would. */
  delayMs = 0;

  /** Refuse the next `count` messages with this reply (4xx: try later; 5xx: permanent). */
  refuseNext(count: number, code = 451, message = 'Try again later'): void {
    for (let i = 0; i < count; i++) this.refusals.push({ code, message });
  }

  /** Messages whose Message-ID is this one (with or without angle brackets). */
  withMessageId(id: string): ReceivedMail[] {
    const bare = id.replace(/^<|>$/g, '');
    return this.messages.filter((m) => m.messageId.replace(/^<|>$/g, '') === bare);
  }

  /** Resolves once `count` messages have arrived in all; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs = 10000): Promise<void> {
    if (this.messages.length >= count) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter = { count, resolve: () => (clearTimeout(timer), resolve()) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`SMTP sink: ${this.messages.length} of ${count} messages after ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  clear(): void {
    this.messages.length = 0;
    this.refusals = [];
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const parsed = await simpleParser(stream);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const refusal = this.refusals.shift();
    if (refusal) throw Object.assign(new Error(refusal.message), { responseCode: refusal.code });
    const headers: Record<string, string> = {};
    for (const { key, line } of parsed.headerLines) headers[key.toLowerCase()] = line.slice(line.indexOf(':') + 1).trim();
    const addresses = (field: typeof parsed.to): string[] =>
      (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
    const mail: ReceivedMail = {
      envelope: {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
      },
      from: parsed.from?.value[0]?.address ?? '',
      to: addresses(parsed.to),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      messageId: parsed.messageId ?? '',
      headers,
      receivedAt: new Date().toISOString(),
    };
    this.messages.push(mail);
    if (this.recordTo) appendFileSync(this.recordTo, JSON.stringify(mail) + '\n');
    const ready = this.waiters.filter((w) => this.messages.length >= w.count);
    this.waiters = this.waiters.filter((w) => this.messages.length < w.count);
    for (const w of ready) w.resolve();
  }
}

/**
 * Standalone, for tests that run Masar in other processes (fault injection):
 *   node -r @swc-node/register test/support/smtp-sink.ts --port 2525 --record /tmp/mails.jsonl
 * Prints the SMTP URL, then appends one JSON line per message received until stopped.
 */
if (require.main === module) {
  const args = process.argv.slice(2);
  const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  SmtpSink.start({ port: Number(value('--port') ?? 0), recordTo: value('--record') })
    .then((sink) => {
      console.log(sink.url);
      const stop = () => void sink.close().then(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
