import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { queueOf, type JobName, type JobPayload } from '@masar/queue';

export interface OutboxOptions {
  /** Publish no earlier than this. */
  availableAt?: Date;
  /** A deterministic id: writing the same message twice keeps one row and one job. */
  id?: string;
}

export interface OutboxEntry<N extends JobName = JobName> {
  name: N;
  payload: JobPayload<N>;
  options?: OutboxOptions;
}

/** Writes jobs into the outbox inside the caller's transaction. */
@Injectable()
export class Outbox {
  async add<N extends JobName>(manager: EntityManager, name: N, payload: JobPayload<N>, options: OutboxOptions = {}): Promise<string> {
    const [id] = await this.addMany(manager, [{ name, payload, options }]);
    return id!;
  }

  async addMany(manager: EntityManager, entries: OutboxEntry[]): Promise<string[]> {
    if (entries.length === 0) return [];
    const ids: string[] = [];
    const values: unknown[] = [];
    const rows: string[] = [];
    entries.forEach((e, i) => {
      const id = e.options?.id ?? randomUUID();
      ids.push(id);
      const o = i * 5;
      rows.push(`($${o + 1}::uuid, $${o + 2}, $${o + 3}, $${o + 4}::jsonb, coalesce($${o + 5}::timestamptz, now()))`);
      values.push(id, e.name, queueOf(e.name), JSON.stringify(e.payload), e.options?.availableAt?.toISOString() ?? null);
    });
    await manager.query(
      `insert into outbox_messages (id, job_name, queue, payload, available_at) values ${rows.join(', ')} on conflict (id) do nothing`,
      values,
    );
    return ids;
  }
}
