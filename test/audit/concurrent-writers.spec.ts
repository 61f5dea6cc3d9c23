import type { DataSource } from 'typeorm';
import { AuditTrail, verifyAuditChain } from '@masar/audit';
import { createAuditDatabase, openDataSource, type TestDatabase } from './support/audit-database';
import { anAuditEvent } from './support/audit-events';

/**
 * 10,000 events from concurrent requests over a pool of 20 connections form one chain: seq 1..10000 without gap
 * or fork, every link verified. Half of the requests audit inside a transaction that also did other work (as a
 * state change would), half on their own (as a read or a login would); one request in eleven fails after its
 * append and rolls back, which must leave no gap (a sequence would). The rate is printed: the chain's lock is
 * held from the append until each commit, so this is the ceiling of audited writes per second of the system.
 */
const EVENTS = 10_000;
const POOL = 20;
const IN_FLIGHT = 40;
/** Two processes (an API and a worker, say), each with its own pool and its own AuditTrail, share the chain. */
const PROCESSES = 2;
const REQUESTS = EVENTS + EVENTS / 10; // every 11th request rolls back

describe('concurrent writers', () => {
  let db: TestDatabase;
  const processes: { ds: DataSource; trail: AuditTrail }[] = [];

  beforeAll(async () => {
    db = await createAuditDatabase();
    for (let p = 0; p < PROCESSES; p++) {
      const ds = await openDataSource(db.url, POOL / PROCESSES);
      processes.push({ ds, trail: new AuditTrail(ds) });
    }
  });
  afterAll(async () => {
    for (const { ds } of processes) await ds.destroy();
    await db?.drop();
  });

  it('form one unbroken chain of 10,000 events', async () => {
    let next = 0;
    const request = async (i: number) => {
      const { ds, trail } = processes[Math.floor(i / 2) % PROCESSES]!; // both kinds of request in both processes
      const e = anAuditEvent({ details: { request: i } });
      if (i % 11 === 10)
        await ds
          .transaction(async (m) => {
            await trail.record(m, e);
            throw new Error('the change failed after its audit append');
          })
          .catch(() => undefined);
      else if (i % 2 === 0) await trail.recordNow(e);
      else
        await ds.transaction(async (m) => {
          await m.query('select count(*) from pg_class'); // the change the event describes
          await trail.record(m, e);
        });
    };
    const client = async () => {
      while (next < REQUESTS) await request(next++);
    };
    const started = process.hrtime.bigint();
    await Promise.all(Array.from({ length: IN_FLIGHT }, client));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`audit chain: ${EVENTS} events (+${REQUESTS - EVENTS} rolled back) from ${IN_FLIGHT} concurrent writers over ${PROCESSES} pools of ${POOL / PROCESSES} connections in ${seconds.toFixed(2)} s = ${Math.round(EVENTS / seconds)} events/s`);

    const ds = processes[0]!.ds;
    const [shape] = await ds.query(
      `select count(*)::int as n, min(seq)::int as first, max(seq)::int as last, count(distinct prev_hash)::int as parents,
              count(distinct (details->>'request'))::int as requests from audit_events`,
    );
    expect(shape).toEqual({ n: EVENTS, first: 1, last: EVENTS, parents: EVENTS, requests: EVENTS });

    const verified = await verifyAuditChain(ds);
    console.log(`verification of ${verified.eventsChecked} events: ${verified.durationMs} ms`);
    expect(verified).toMatchObject({ ok: true, eventsChecked: EVENTS, firstBreak: null, head: { seq: String(EVENTS) } });
  }, 300_000);
});
