import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { MasarConfig } from '@masar/config';
import { AuditTrail, PublishAuditCheckpoint, verifyAuditChain, type AuditVerification } from '@masar/audit';
import { cloneDatabase, createAuditDatabase, openDataSource, superuser, type TestDatabase } from './support/audit-database';
import { anAuditEvent } from './support/audit-events';
import { idAt, tamper } from './support/tamper';

/**
 * One chain of 50 events with signed checkpoints at seq 20, 40 and 50 is built once as a template; each test
 * clones it, tampers as a superuser would, and expects verification to point at the exact place.
 */
const KEY = randomBytes(32);
const EVENTS = 50;
const CHECKPOINTS_AT = [20, 40, 50];

async function appendEvents(ds: DataSource, n: number): Promise<void> {
  const trail = new AuditTrail(ds);
  for (let i = 0; i < n; i++) await trail.recordNow(anAuditEvent({ details: { step: i } }));
}

describe('audit chain verification finds tampering at its exact place', () => {
  let template: TestDatabase;
  let db: TestDatabase;
  let ds: DataSource;
  /** The heads the worker wrote to its log while the chain was built (what an operator keeps outside the database). */
  let publishedHeads: { seq: string; headHash: string }[];

  beforeAll(async () => {
    Logger.overrideLogger(false);
    template = await createAuditDatabase();
    const build = await openDataSource(template.url, 2);
    const publish = new PublishAuditCheckpoint(build, { crypto: { auditSigningKeys: { default: KEY }, auditSigningKeyId: 'default' } } as unknown as MasarConfig);
    for (let seq = 1; seq <= EVENTS; seq++) {
      await appendEvents(build, 1);
      if (CHECKPOINTS_AT.includes(seq)) await publish.execute();
    }
    publishedHeads = await build.query(`select seq::text as seq, head_hash as "headHash" from audit_checkpoints c order by c.seq`);
    await build.destroy();
  });
  afterAll(async () => {
    await template?.drop();
  });

  beforeEach(async () => {
    db = await cloneDatabase(template);
    ds = await openDataSource(db.url, 4);
  });
  afterEach(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  // Every case is checked with a batch size that puts batch boundaries near the broken link, and the default.
  async function verify(): Promise<AuditVerification> {
    const small = await verifyAuditChain(ds, { signingKey: KEY, batchSize: 7 });
    const large = await verifyAuditChain(ds, { signingKey: KEY });
    expect({ ...small, durationMs: 0 }).toEqual({ ...large, durationMs: 0 });
    return large;
  }

  it('accepts the untouched chain and checks every checkpoint', async () => {
    const r = await verify();
    expect(r).toMatchObject({ ok: true, eventsChecked: 50, checkpointsChecked: 3, signaturesChecked: true, firstBreak: null });
    expect(r.head?.seq).toBe('50');
    expect(r.lastCheckpoint?.seq).toBe('50');
    expect(r.uncoveredSince).toBeNull();
  });

  it('works as well over a plain pg client', async () => {
    const c = await superuser(db.url);
    try {
      expect(await verifyAuditChain(c, { signingKey: KEY })).toMatchObject({ ok: true, eventsChecked: 50 });
    } finally {
      await c.end();
    }
  });

  it('finds a changed row at its seq', async () => {
    const id = await idAt(db.url, 17);
    await tamper(db.url, `update audit_events set details = '{"step": 99}' where seq = 17`);
    const r = await verify();
    expect(r.firstBreak).toMatchObject({ kind: 'row_changed', seq: '17', id });
    expect(r.eventsChecked).toBe(16);
  });

  it('finds a change of less than a millisecond in a timestamp', async () => {
    await tamper(db.url, `update audit_events set occurred_at = occurred_at + interval '1 microsecond' where seq = 8`);
    expect((await verify()).firstBreak).toMatchObject({ kind: 'row_changed', seq: '8' });
  });

  it('finds a deleted row at the missing seq', async () => {
    const next = await idAt(db.url, 24);
    await tamper(db.url, 'delete from audit_events where seq = 23');
    const r = await verify();
    expect(r.firstBreak).toMatchObject({ kind: 'rows_deleted', seq: '23', id: next, expected: '23', found: '24' });
  });

  it('finds the first row deleted', async () => {
    await tamper(db.url, 'delete from audit_events where seq = 1');
    expect((await verify()).firstBreak).toMatchObject({ kind: 'rows_deleted', seq: '1' });
  });

  it('finds two reordered rows at the first of them', async () => {
    const was31 = await idAt(db.url, 31);
    await tamper(
      db.url,
      'update audit_events set seq = 1000000 where seq = 30',
      'update audit_events set seq = 30 where seq = 31',
      'update audit_events set seq = 31 where seq = 1000000',
    );
    const r = await verify();
    expect(r.firstBreak).toMatchObject({ kind: 'link_broken', seq: '30', id: was31 });
  });

  it('finds the newest rows deleted, which leave no gap, by the checkpoint beyond the end', async () => {
    await tamper(db.url, 'delete from audit_events where seq >= 46');
    const r = await verify();
    expect(r.firstBreak).toMatchObject({ kind: 'tail_deleted', seq: '46', id: null, expected: '50', found: '45' });
  });

  it('catches a rewrite of the whole chain, consistent link by link, by the first checkpoint', async () => {
    // The attacker empties the trail and writes a new history through the real append function.
    await tamper(db.url, 'delete from audit_events');
    await appendEvents(ds, EVENTS);
    const r = await verify();
    expect(r.firstBreak).toMatchObject({ kind: 'chain_rewritten', seq: '20' });
    expect(r.firstBreak?.detail).toMatch(/rewritten from the start up to seq 20/);
    expect(r.eventsChecked).toBe(19);
  });

  it('catches a rewrite of the recent history at the first checkpoint after it', async () => {
    await tamper(db.url, 'delete from audit_events where seq >= 25');
    await appendEvents(ds, EVENTS - 24);
    const r = await verify();
    expect(r.firstBreak).toMatchObject({ kind: 'chain_rewritten', seq: '40' });
    expect(r.firstBreak?.detail).toMatch(/after the checkpoint at seq 20 up to seq 40/);
  });

  it('catches checkpoints changed to match a rewritten chain: their signatures no longer hold', async () => {
    await tamper(db.url, 'delete from audit_events');
    await appendEvents(ds, EVENTS);
    await tamper(db.url, 'update audit_checkpoints c set head_hash = e.hash from audit_events e where e.seq = c.seq');
    const r = await verify();
    expect(r.firstBreak).toMatchObject({ kind: 'checkpoint_forged', seq: '20' });
    // Without the key only the hashes can be compared, and the forgery passes: the key is what makes it fail.
    expect((await verifyAuditChain(ds)).ok).toBe(true);
  });

  it('catches a rewrite whose author also deleted the checkpoints, by the heads published in the log', async () => {
    await tamper(db.url, 'delete from audit_checkpoints', 'delete from audit_events');
    await appendEvents(ds, EVENTS);
    // The database alone now holds a consistent history (only uncovered by any checkpoint): this is what the log
    // lines are for.
    const alone = await verifyAuditChain(ds, { signingKey: KEY });
    expect(alone).toMatchObject({ ok: true, checkpointsChecked: 0, uncoveredSince: { seq: '1' } });
    const r = await verifyAuditChain(ds, { signingKey: KEY, publishedHeads, batchSize: 7 });
    expect(r.firstBreak).toMatchObject({ kind: 'chain_rewritten', seq: '20' });
    expect(r.firstBreak?.detail).toMatch(/published in the log/);
  });

  it('catches the newest rows deleted with the checkpoints, by a published head past the end', async () => {
    await tamper(db.url, 'delete from audit_checkpoints', 'delete from audit_events where seq > 44');
    const r = await verifyAuditChain(ds, { signingKey: KEY, publishedHeads });
    expect(r.firstBreak).toMatchObject({ kind: 'tail_deleted', seq: '45', expected: '50', found: '44' });
  });

  it('ignores nothing: a single changed checkpoint hash is a break too', async () => {
    await tamper(db.url, `update audit_checkpoints set head_hash = repeat('a', 64) where seq = 40`);
    expect((await verify()).firstBreak).toMatchObject({ kind: 'checkpoint_forged', seq: '40' });
  });
});
