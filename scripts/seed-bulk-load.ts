/**
 * Bulk-load helpers of `seed:synthetic` (a seed-only module): the tables' keys, secondary indexes and foreign keys are
 * taken off before the COPY and put back after it, from the definitions the migrations created (read from the
 * catalog with pg_get_constraintdef / pg_get_indexdef just before they are dropped), so the schema ends identical.
 * Building an index once over sorted data is far cheaper than maintaining it row by row: random UUID keys of tables
 * of millions of rows do not fit in shared_buffers, and every COPY row then costs a few random page reads and writes.
 */
import type { Client } from 'pg';

/** What was dropped, in the order it has to be put back. */
export interface DroppedSchema {
  /** Primary keys and unique constraints (ALTER TABLE ... ADD CONSTRAINT). */
  keys: { table: string; name: string; sql: string }[];
  /** Indexes that back no constraint (CREATE INDEX as the migrations wrote it). */
  indexes: { table: string; name: string; sql: string }[];
  /** Foreign keys from, and to, the loaded tables (added last: they need the keys they reference). */
  foreignKeys: { table: string; name: string; sql: string }[];
}

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** Drops, in one transaction, every foreign key from or to `tables`, their primary/unique keys and other indexes. */
export async function dropForLoad(client: Client, tables: string[]): Promise<DroppedSchema> {
  await client.query('begin');
  try {
    const fks = await client.query<{ tbl: string; name: string; def: string }>(
      `select c.conrelid::regclass::text as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def
         from pg_constraint c
        where c.contype = 'f' and (c.conrelid = any($1::regclass[]) or c.confrelid = any($1::regclass[]))
        order by c.conrelid::regclass::text, c.conname`,
      [tables],
    );
    const keys = await client.query<{ tbl: string; name: string; def: string }>(
      `select c.conrelid::regclass::text as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def
         from pg_constraint c
        where c.contype in ('p', 'u') and c.conrelid = any($1::regclass[])
        order by c.conrelid::regclass::text, c.conname`,
      [tables],
    );
    const indexes = await client.query<{ tbl: string; name: string; def: string }>(
      `select i.indrelid::regclass::text as tbl, x.relname as name, pg_get_indexdef(i.indexrelid) as def
         from pg_index i join pg_class x on x.oid = i.indexrelid
        where i.indrelid = any($1::regclass[])
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))
        order by i.indrelid::regclass::text, x.relname`,
      [tables],
    );
    for (const f of fks.rows) await client.query(`alter table ${f.tbl} drop constraint ${quote(f.name)}`);
    for (const k of keys.rows) await client.query(`alter table ${k.tbl} drop constraint ${quote(k.name)}`);
    for (const i of indexes.rows) await client.query(`drop index ${quote(i.name)}`);
    await client.query('commit');
    return {
      keys: keys.rows.map((k) => ({ table: k.tbl, name: k.name, sql: `alter table ${k.tbl} add constraint ${quote(k.name)} ${k.def}` })),
      indexes: indexes.rows.map((i) => ({ table: i.tbl, name: i.name, sql: i.def })),
      foreignKeys: fks.rows.map((f) => ({ table: f.tbl, name: f.name, sql: `alter table ${f.tbl} add constraint ${quote(f.name)} ${f.def}` })),
    };
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  }
}

/**
 * Puts back what `dropForLoad` took off: keys and indexes first, several builds at once on `clients` (one per
 * connection; the biggest tables first so that the last build does not run alone), then the foreign keys, whose
 * validation needs the keys. Returns the seconds each phase took.
 */
export async function restoreAfterLoad(clients: Client[], dropped: DroppedSchema, sizes: Map<string, number>): Promise<{ indexSeconds: number; foreignKeySeconds: number }> {
  const t0 = Date.now();
  const builds = [...dropped.keys, ...dropped.indexes].sort((a, b) => (sizes.get(b.table) ?? 0) - (sizes.get(a.table) ?? 0));
  await runQueue(clients, builds.map((b) => b.sql));
  const t1 = Date.now();
  // Foreign keys one at a time: each locks its table and the one it references, and two at once could deadlock.
  for (const f of dropped.foreignKeys) await clients[0]!.query(f.sql);
  return { indexSeconds: (t1 - t0) / 1000, foreignKeySeconds: (Date.now() - t1) / 1000 };
}

/** Runs statements on several connections, each taking the next one when it is free. */
async function runQueue(clients: Client[], statements: string[]): Promise<void> {
  let next = 0;
  await Promise.all(
    clients.map(async (c) => {
      while (next < statements.length) await c.query(statements[next++]!);
    }),
  );
}
