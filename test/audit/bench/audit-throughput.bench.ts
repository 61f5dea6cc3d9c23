/**
 * How many audited writes per second the chain allows, and what holding its lock costs.
 * Run: node -r @swc-node/register test/audit/bench/audit-throughput.bench.ts
 *
 *  - chain, recordNow(): standalone events, gathered into one append per flush (group commit), 40 writers.
 *  - chain, BEGIN; record(); COMMIT: the same event in an explicit transaction (one more round trip under the lock).
 *  - chain, 2 ms of work after the append: a caller that records first and commits later holds everyone up.
 *  - no chain: the same inserts into an unchained copy of the table, to show the cost of serialising commits
 *    (without the lock, PostgreSQL flushes many commits with one fsync).
 */
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '@masar/audit';
import { runMigrations } from '@masar/db';
import { withAdmin, withDatabase } from '@masar/testing';
import { openDataSource } from '../support/audit-database';
import { anAuditEvent } from '../support/audit-events';

const EVENTS = Number(process.env.EVENTS ?? 4000);
const POOL = 20;
const IN_FLIGHT = 40;

/** Rate, and latency percentiles of one audited request (what a user waits for, lock queue included). */
async function run(label: string, ds: DataSource, one: (i: number) => Promise<void>, inFlight = IN_FLIGHT): Promise<void> {
  let next = 0;
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < EVENTS) {
        const t0 = process.hrtime.bigint();
        await one(next++);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const s = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  console.log(`${label.padEnd(44)} ${String(Math.round(EVENTS / s)).padStart(6)} events/s   p50 ${p(0.5)} ms  p99 ${p(0.99)} ms`);
}

async function main(): Promise<void> {
  Logger.overrideLogger(false);
  // Outside Jest there is no harness: a database of its own on the real migrations, dropped at the end.
  const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `audit_bench_${process.pid}`;
  await withAdmin(admin, (c) => c.query(`create database "${name}"`));
  const url = withDatabase(admin, name);
  await runMigrations(url);
  const ds = await openDataSource(url, POOL);
  try {
    const trail = new AuditTrail(ds);
    await ds.query('create table unchained (like audit_events including defaults)');
    await run('chain, recordNow(), one writer', ds, (i) => trail.recordNow(anAuditEvent({ details: { i } })), 1);
    await run('chain, recordNow()', ds, (i) => trail.recordNow(anAuditEvent({ details: { i } })));
    await run('chain, BEGIN; record(); COMMIT', ds, (i) => ds.transaction((m) => trail.record(m, anAuditEvent({ details: { i } }))));
    await run('chain, record() then 2 ms before commit', ds, (i) =>
      ds.transaction(async (m) => {
        await trail.record(m, anAuditEvent({ details: { i } }));
        await new Promise((r) => setTimeout(r, 2));
      }),
    );
    await run('chain, 2 ms of work then record()', ds, (i) =>
      ds.transaction(async (m) => {
        await new Promise((r) => setTimeout(r, 2));
        await trail.record(m, anAuditEvent({ details: { i } }));
      }),
    );
    const plain = (i: number) =>
      ds.transaction((m) =>
        m.query(`insert into unchained (seq, id, occurred_at, action, subject_type, prev_hash, hash) values ($1, gen_random_uuid(), now(), 'case.read', 'application', '', '')`, [i + 1]),
      );
    await run('no chain, plain insert, one writer', ds, plain, 1);
    await ds.query('truncate unchained');
    await run('no chain, plain insert per transaction', ds, plain);
  } finally {
    await ds.destroy();
    await withAdmin(admin, (c) => c.query(`drop database "${name}" with (force)`));
  }
}

void main();
