import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, Role } from '@masar/access';
import { DatabaseNotifications, LISTENER_SUFFIX, type NotificationSubscription } from '@masar/database';
import { IdentityErrors } from '../identity.errors';

/** The channel the users and offices triggers notify on (migration 1796000020001). */
export const ACCESS_CHANNEL = 'masar_access';
/** Each process answers every notice on this channel once it has forgotten what the notice named. */
export const ACCESS_ACK_CHANNEL = 'masar_access_ack';

interface Entry {
  actor: Actor;
  active: boolean;
  at: number;
}

/**
 * Who a token's subject is now: role, office, region, and whether the account is still active. Every authenticated
 * request asks, so that a deactivated user (or one moved to another role or office) is refused at once and not when
 * the token expires.
 *
 * The answer is kept in memory and dropped when PostgreSQL tells this process that the user or their office changed:
 * triggers on `users` and `offices` NOTIFY in the transaction of the change, delivered on commit to every API process.
 * Only while that LISTEN connection is up is anything kept (when it drops, everything is forgotten and each request
 * reads the database until it is back), an entry is never kept if a notice arrived while it was being read, and
 * entries expire after `TTL_MS` whatever happens, as a safety net.
 *
 * A notice travels on its own connection, so without more a request reaching another process a moment after the
 * change could still be answered from memory. Hence `change()`: after its transaction commits, the process that made
 * the change waits (up to `ACK_TIMEOUT_MS`) until every other listening process has answered the notice, each after
 * forgetting. When the administrator sees the deactivation done, every process has already forgotten the user.
 */
@Injectable()
export class ActorDirectory implements OnModuleDestroy {
  static readonly TTL_MS = 30_000;
  static readonly MAX_ENTRIES = 50_000;
  static readonly ACK_TIMEOUT_MS = 2_000;

  private readonly logger = new Logger(ActorDirectory.name);
  /** Acknowledgements being collected by `change()`: payload -> pids of the listeners that answered. */
  private readonly acks = new Map<string, Set<number>>();
  private ackSubscription: NotificationSubscription | null = null;

  private readonly entries = new Map<string, Entry>();
  /** Bumped by every notice and reset: a read that started before one may have seen the old row. */
  private epoch = 0;
  private subscription: NotificationSubscription | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: DatabaseNotifications,
  ) {}

  /** The actor of an access token's subject; refuses an unknown or deactivated user. */
  async actorFor(userId: string): Promise<Actor> {
    const entry = this.cached(userId) ?? (await this.read(userId));
    if (!entry) throw IdentityErrors.invalidToken();
    if (!entry.active) throw IdentityErrors.deactivated();
    return entry.actor;
  }

  /**
   * Runs a change of a user's access (its transaction must commit inside `work`), then forgets the user here and
   * waits until every other listening process has acknowledged the trigger's notice.
   */
  change<T>(userId: string, work: () => Promise<T>): Promise<T> {
    return this.changeOf(`user:${userId}`, () => this.forget(userId), work);
  }

  /**
   * The same for an office whose region or kind changes (the offices trigger notifies only then): every user of it may read differently, so
   * everything is forgotten here, and the answer waits until every other process has acknowledged the notice.
   */
  changeOffice<T>(officeId: string, work: () => Promise<T>): Promise<T> {
    return this.changeOf(`office:${officeId}`, () => this.clear(), work);
  }

  private async changeOf<T>(payload: string, forget: () => void, work: () => Promise<T>): Promise<T> {
    this.subscribe();
    const answered = new Set<number>();
    this.acks.set(payload, answered);
    try {
      const result = await work();
      forget();
      await this.acknowledged(payload, answered);
      return result;
    } finally {
      this.acks.delete(payload);
    }
  }

  /** Forgets a user at once in this process (the notice will tell the others). */
  forget(userId: string): void {
    this.epoch++;
    this.entries.delete(userId);
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.ackSubscription?.unsubscribe();
    this.ackSubscription = null;
    this.entries.clear();
  }

  private cached(userId: string): Entry | undefined {
    const entry = this.entries.get(userId);
    if (!entry) return undefined;
    if (!this.subscription?.live || Date.now() - entry.at > ActorDirectory.TTL_MS) {
      this.entries.delete(userId);
      return undefined;
    }
    return entry;
  }

  private subscribe(): NotificationSubscription {
    this.ackSubscription ??= this.notifications.subscribe(ACCESS_ACK_CHANNEL, {
      message: (payload, pid) => this.acks.get(payload)?.add(pid),
      reset: () => undefined,
    });
    return (this.subscription ??= this.notifications.subscribe(ACCESS_CHANNEL, {
      message: (payload) => this.onNotice(payload),
      reset: () => this.clear(),
    }));
  }

  /** Waits until every other listening connection of this database answered `payload` (or left, or time ran out). */
  private async acknowledged(payload: string, answered: Set<number>): Promise<void> {
    const own = this.notifications.listenerPid;
    if (own === null) return; // not listening: this process cannot tell; the others read through or expire
    const until = Date.now() + ActorDirectory.ACK_TIMEOUT_MS;
    for (;;) {
      const rows: { pid: number }[] = await this.dataSource.query(
        `select pid from pg_stat_activity where datname = current_database() and application_name like $1 and pid <> $2`,
        [`%${LISTENER_SUFFIX}`, own],
      );
      const waiting = rows.filter((r) => !answered.has(r.pid));
      if (waiting.length === 0) return;
      if (Date.now() > until) {
        this.logger.warn(`${waiting.length} listening process(es) did not acknowledge an access change within ${ActorDirectory.ACK_TIMEOUT_MS} ms; they forget it within ${ActorDirectory.TTL_MS} ms`);
        return;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  private async read(userId: string): Promise<Entry | null> {
    const subscription = this.subscribe();
    const epoch = this.epoch;
    const [row]: { id: string; role: Role; office_id: string | null; active: boolean; region_code: string | null; office_kind: string | null }[] =
      await this.dataSource.query(
        `select u.id, u.role, u.office_id, u.active, o.region_code, o.kind as office_kind
           from users u left join offices o on o.id = u.office_id where u.id = $1`,
        [userId],
      );
    if (!row) return null;
    const entry: Entry = {
      actor: { userId: row.id, role: row.role, officeId: row.office_id, regionCode: row.region_code, nationalCommission: row.office_kind === 'national_commission' },
      active: row.active,
      at: Date.now(),
    };
    if (subscription.live && epoch === this.epoch) {
      if (this.entries.size >= ActorDirectory.MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(userId, entry);
    }
    return entry;
  }

  private onNotice(payload: string): void {
    const [kind, id] = payload.split(':');
    if (kind === 'user' && id) this.forget(id);
    else this.clear(); // an office changed region or kind: whose scope it alters is not worth working out
    // Forgotten: say so to whoever made the change and is waiting for it.
    this.notifications.notify(ACCESS_ACK_CHANNEL, payload).catch(() => undefined);
  }

  private clear(): void {
    this.epoch++;
    this.entries.clear();
  }
}
