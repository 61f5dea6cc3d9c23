/**
 * The second baseline of the intake benchmark: a bare COPY of the rows an import round wrote (persons, identity
 * documents, files, history, case events, notifications, outbox messages, audit events, staging rows and results,
 * whatever the round inserted) into a twin of the benchmark database, the state it had before the round, with the
 * same indexes, constraints and triggers. It answers "how close is the import to writing its own result at COPY
 * speed?", where the CSV baseline answers "how close to loading the CSV into one bare table?".
 *
 * Which rows: every row of every table whose xmin is a transaction of the round's window (from the end of the last
 * dump to now). Left out, and named: a table that the triggers of the tables COPYed write to (the state counters,
 * which the twin's trigger on applications maintains as the real one does), and a table whose window rows outnumber
 * its growth (rows updated, not only inserted). Tables are COPYed parents first (foreign keys), all in one
 * transaction on one connection.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { cpuMs } from './proc';

export interface ResultCopyMeasure {
  /** Rows COPYed into the twin, all tables together. */
  rows: number;
  seconds: number;
  /** CPU ms of this process and of the twin's PostgreSQL backend during the COPYs. */
  benchCpuMs: number;
  postgresCpuMs: number;
  /** Rows per table COPYed, and the tables left out (written by the triggers of the others, or rows updated). */
  tables: Record<string, number>;
  notCopied: string[];
}

interface TableDump {
  table: string;
  columns: string[];
  rows: number;
  file: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class IntakeResultCopy {
  private lastXid = 0n;
  private counts = new Map<string, number>();
  private readonly dir = mkdtempSync(join(tmpdir(), 'masar-intake-copy-'));

  /**
   * @param source the benchmark database the import writes to
   * @param twin a copy of `source` made before the first round (same schema, same rows)
   * @param exclude tables of `source` that are the benchmark's own (the CSV baseline's table)
   */
  constructor(
    private readonly source: Client,
    private readonly twin: Client,
    private readonly exclude: string[],
  ) {}

  /** Marks the start of the first window (call before the first round, when source and twin are equal). */
  async start(): Promise<void> {
    this.lastXid = BigInt((await this.source.query(`select txid_current()::text as x`)).rows[0].x);
    this.counts = await this.rowCounts();
  }

  /** Dumps what the source inserted since the last call and COPYs it into the twin; only the COPYs are measured. */
  async copyWindow(): Promise<ResultCopyMeasure> {
    const dumps = await this.dump();
    const notCopied = dumps.updated;
    const pid = Number((await this.twin.query(`select pg_backend_pid() as pid`)).rows[0].pid);
    const cpu0 = cpuMs('self');
    const pg0 = cpuMs(pid);
    const t0 = performance.now();
    await this.twin.query('begin');
    try {
      for (const d of dumps.tables) {
        const sink = this.twin.query(copyFrom(`copy ${quote(d.table)} (${d.columns.map(quote).join(', ')}) from stdin`));
        await pipeline(createReadStream(d.file), sink);
      }
      await this.twin.query('commit');
    } catch (err) {
      await this.twin.query('rollback').catch(() => undefined);
      throw err;
    }
    const seconds = (performance.now() - t0) / 1000;
    const measure: ResultCopyMeasure = {
      rows: dumps.tables.reduce((a, d) => a + d.rows, 0),
      seconds,
      benchCpuMs: cpuMs('self') - cpu0,
      postgresCpuMs: cpuMs(pid) - pg0,
      tables: Object.fromEntries(dumps.tables.map((d) => [d.table, d.rows])),
      notCopied,
    };
    for (const d of dumps.tables) rmSync(d.file, { force: true });
    return measure;
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async rowCounts(): Promise<Map<string, number>> {
    const tables = await this.tables();
    const counts = new Map<string, number>();
    for (const t of tables) counts.set(t, Number((await this.source.query(`select count(*)::bigint as n from ${quote(t)}`)).rows[0].n));
    return counts;
  }

  private async tables(): Promise<string[]> {
    const { rows } = await this.source.query(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and c.relname <> all($1::text[])`,
      [this.exclude],
    );
    return rows.map((r: { relname: string }) => r.relname);
  }

  /** Tables that the triggers on `tables` insert into or update (found in the trigger functions' source). */
  private async writtenByTriggers(tables: string[]): Promise<Set<string>> {
    const { rows } = await this.source.query(
      `select p.prosrc from pg_trigger t join pg_proc p on p.oid = t.tgfoid join pg_class c on c.oid = t.tgrelid
        where not t.tgisinternal and c.relname = any($1::text[])`,
      [tables],
    );
    const written = new Set<string>();
    for (const r of rows as { prosrc: string }[]) for (const m of r.prosrc.matchAll(/\b(?:insert\s+into|update)\s+(?:public\.)?"?(\w+)"?/gi)) written.add(m[1]!.toLowerCase());
    return written;
  }

  /** The tables in an order where every foreign key's target comes before the table holding it. */
  private async parentsFirst(tables: string[]): Promise<string[]> {
    const { rows } = await this.source.query(
      `select cl.relname as child, pa.relname as parent from pg_constraint k
         join pg_class cl on cl.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
         join pg_namespace n on n.oid = cl.relnamespace
        where k.contype = 'f' and n.nspname = 'public' and k.conrelid <> k.confrelid`,
    );
    const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
    for (const r of rows as { child: string; parent: string }[]) if (parents.has(r.child) && parents.has(r.parent)) parents.get(r.child)!.add(r.parent);
    const order: string[] = [];
    const placed = new Set<string>();
    while (order.length < tables.length) {
      const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
      if (ready.length === 0) throw new Error(`foreign keys form a cycle among ${tables.filter((t) => !placed.has(t)).join(', ')}`);
      for (const t of ready) {
        order.push(t);
        placed.add(t);
      }
    }
    return order;
  }

  private async dump(): Promise<{ tables: TableDump[]; updated: string[] }> {
    const s = this.source;
    await s.query('begin isolation level repeatable read');
    try {
      // age(xmin) counts from this transaction's own xid: a row of the window has an age in 1 .. (now - last).
      const now = BigInt((await s.query(`select txid_current()::text as x`)).rows[0].x);
      const window = (now - this.lastXid).toString();
      const tables = await this.parentsFirst(await this.tables());
      const byTriggers = await this.writtenByTriggers(tables);
      const out: TableDump[] = [];
      const updated: string[] = [];
      const counts = new Map<string, number>();
      for (const t of tables) {
        const { rows } = await s.query(`select count(*)::bigint as total, count(*) filter (where age(xmin) between 1 and $1::int)::bigint as fresh from ${quote(t)}`, [window]);
        const total = Number(rows[0].total);
        const fresh = Number(rows[0].fresh);
        counts.set(t, total);
        if (fresh === 0) continue;
        if (byTriggers.has(t) || fresh > total - (this.counts.get(t) ?? 0)) {
          updated.push(t);
          continue;
        }
        const { rows: cols } = await s.query(
          `select attname from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
          [quote(t)],
        );
        const columns = cols.map((c: { attname: string }) => c.attname);
        const file = join(this.dir, `${t}.copy`);
        const source = s.query(copyTo(`copy (select ${columns.map(quote).join(', ')} from ${quote(t)} where age(xmin) between 1 and ${window}) to stdout`));
        await pipeline(source, createWriteStream(file));
        out.push({ table: t, columns, rows: fresh, file });
      }
      await s.query('commit');
      this.lastXid = now;
      this.counts = counts;
      return { tables: out, updated };
    } catch (err) {
      await s.query('rollback').catch(() => undefined);
      throw err;
    }
  }
}
