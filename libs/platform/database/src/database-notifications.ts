import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';

/** What a subscriber of a channel is told. */
export interface NotificationHandler {
  /** A NOTIFY on the channel, delivered after the transaction that sent it committed, with the sender's backend pid. */
  message(payload: string, senderPid: number): void;
  /**
   * The listening connection went down or came back: notifications may have been missed in between, so anything
   * kept on their strength must be dropped.
   */
  reset(): void;
}

export interface NotificationSubscription {
  /** True while LISTEN is in force on a healthy connection: a change committed now will be told. */
  readonly live: boolean;
  unsubscribe(): void;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/** The end of the application_name of every listening connection (`masar-api-listen`), to find them in pg_stat_activity. */
export const LISTENER_SUFFIX = '-listen';

/**
 * PostgreSQL LISTEN/NOTIFY for the process: one dedicated connection (outside the pool), opened on the first
 * subscription, re-opened with a back-off when it drops. A NOTIFY sent inside a transaction reaches the listeners
 * only if and when that transaction commits, which is what lets a process keep a cache of rows that other processes
 * change: the change and its notice commit together. While the connection is down, `live` is false and every
 * subscriber has been reset, so a cache must then read through.
 */
@Injectable()
export class DatabaseNotifications implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseNotifications.name);
  private readonly handlers = new Map<string, Set<NotificationHandler>>();
  private client: Client | null = null;
  private opening: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private backoffMs = 250;
  private readonly listening = new Set<string>();
  private isLive = false;
  private closed = false;

  constructor(@Inject(MASAR_CONFIG) private readonly config: MasarConfig) {}

  subscribe(channel: string, handler: NotificationHandler): NotificationSubscription {
    if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
    const set = this.handlers.get(channel) ?? new Set<NotificationHandler>();
    set.add(handler);
    this.handlers.set(channel, set);
    if (this.client && !this.opening) void this.listenAll(this.client).catch((e: Error) => this.drop(e, this.client ?? undefined));
    else this.open();
    const live = () => this.isLive && this.listening.has(channel);
    return {
      get live() {
        return live();
      },
      unsubscribe: () => {
        set.delete(handler);
        if (set.size === 0) this.handlers.delete(channel);
      },
    };
  }

  /** The backend pid of this process's listening connection, while it is up. */
  get listenerPid(): number | null {
    return this.isLive ? ((this.client as unknown as { processID?: number } | null)?.processID ?? null) : null;
  }

  /**
   * Sends a notice on the listening connection (outside any transaction: delivered at once). False when the
   * connection is down.
   */
  async notify(channel: string, payload: string): Promise<boolean> {
    if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
    const client = this.isLive ? this.client : null;
    if (!client) return false;
    await client.query('select pg_notify($1, $2)', [channel, payload]);
    return true;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.isLive = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const c = this.client;
    this.client = null;
    await this.opening?.catch(() => undefined);
    await (c ?? this.client)?.end().catch(() => undefined);
  }

  private open(): void {
    if (this.closed || this.client || this.opening || this.retryTimer) return;
    const url = this.config.database.url;
    if (!url) return;
    const client = new Client({ connectionString: url, keepAlive: true, application_name: `${process.env.MASAR_PROCESS ?? 'masar'}${LISTENER_SUFFIX}` });
    client.on('notification', (n) => {
      for (const h of this.handlers.get(n.channel) ?? []) h.message(n.payload ?? '', n.processId);
    });
    client.on('error', (e) => this.drop(e, client));
    client.on('end', () => this.drop(new Error('connection ended'), client));
    this.opening = (async () => {
      await client.connect();
      await this.listenAll(client);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
      this.backoffMs = 250;
      // Whatever a subscriber kept before now was not covered by this connection.
      this.resetAll();
      this.isLive = true;
    })()
      .catch((e: Error) => {
        client.end().catch(() => undefined);
        this.drop(e, client);
      })
      .finally(() => (this.opening = null));
  }

  /** LISTEN on every subscribed channel not yet listened to on this connection. */
  private async listenAll(client: Client): Promise<void> {
    for (const channel of [...this.handlers.keys()]) {
      if (this.listening.has(channel) && client === this.client) continue;
      await client.query(`listen ${channel}`);
      this.listening.add(channel);
    }
  }

  private drop(e: Error, client?: Client): void {
    if (client && this.client && client !== this.client) return;
    const wasLive = this.isLive;
    this.isLive = false;
    this.client = null;
    this.listening.clear();
    this.resetAll();
    if (this.closed) return;
    if (wasLive) this.logger.warn(`LISTEN connection lost (${e.message}); caches read through until it is back`);
    if (!this.retryTimer) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.open();
      }, this.backoffMs);
      this.retryTimer.unref();
      this.backoffMs = Math.min(this.backoffMs * 2, 10_000);
    }
  }

  private resetAll(): void {
    for (const set of this.handlers.values()) for (const h of set) h.reset();
  }
}
