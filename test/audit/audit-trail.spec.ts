import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditErrorCode, AuditTrail, verifyAuditChain } from '@masar/audit';
import { runWithRequestContext } from '@masar/logging';
// The audit context's own tests may look inside it: the function's arguments are made as AuditTrail makes them.
import { normaliseEvent } from '../../libs/audit/src/audit-event';
import { canonicalBody } from '../../libs/audit/src/chain/audit-hash';
import { createAuditDatabase, openDataSource, type TestDatabase } from './support/audit-database';
import { anAuditEvent } from './support/audit-events';

describe('AuditTrail', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let trail: AuditTrail;

  beforeAll(async () => {
    db = await createAuditDatabase();
    ds = await openDataSource(db.url);
    trail = new AuditTrail(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const rows = () => ds.query(`select seq::text as seq, action, actor_id, application_id, fields, details, request_id, ip, prev_hash, hash from audit_events e order by e.seq`);

  it('links each event to the one before, starting from the genesis hash', async () => {
    await trail.recordNow(anAuditEvent({ action: 'auth.login', subjectType: 'user' }));
    await trail.recordNow(anAuditEvent({ action: 'case.read', fields: [] }));
    const [first, second] = await rows();
    expect(first.seq).toBe('1');
    expect(first.prev_hash).toBe('0'.repeat(64));
    expect(second.seq).toBe('2');
    expect(second.prev_hash).toBe(first.hash);
    expect((await verifyAuditChain(ds)).ok).toBe(true);
  });

  it('commits an event recorded in the caller transaction with the change, and drops it on rollback', async () => {
    const before = (await rows()).length;
    const applicationId = randomUUID();
    await expect(
      ds.transaction(async (m) => {
        await trail.record(m, anAuditEvent({ applicationId }));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rows()).toHaveLength(before);

    await ds.transaction((m) => trail.record(m, anAuditEvent({ applicationId })));
    const after = await rows();
    expect(after).toHaveLength(before + 1);
    expect(after[after.length - 1].application_id).toBe(applicationId);
    expect((await verifyAuditChain(ds)).ok).toBe(true);
  });

  it('hashes what the database gives back: awkward numbers survive the round trip through jsonb', async () => {
    const details = { sum: 0.1 + 0.2, tiny: 1e-7, huge: 1e21, negativeZero: -0, big: Number.MAX_SAFE_INTEGER, none: null, no: false };
    await trail.recordNow(anAuditEvent({ details, fields: ['a', 'b.c', 'items[0]'] }));
    expect(await verifyAuditChain(ds)).toMatchObject({ ok: true });
  });

  it('appends events recorded at the same moment together: fewer transactions (flushes) than events, one chain', async () => {
    const before = (await rows()).length;
    await Promise.all(Array.from({ length: 200 }, (_, i) => trail.recordNow(anAuditEvent({ action: 'case.read', details: { burst: i } }))));
    // Rows written by one transaction share its xmin.
    const [{ n, transactions }] = await ds.query(
      `select count(*)::int as n, count(distinct xmin::text)::int as transactions from audit_events where details ? 'burst'`,
    );
    expect(n).toBe(200);
    expect(transactions).toBeLessThan(20);
    expect(await rows()).toHaveLength(before + 200);
    expect(await verifyAuditChain(ds)).toMatchObject({ ok: true, eventsChecked: before + 200 });
  });

  it('appends a set of events with the change in order, slice after slice, every link verifiable; nothing on rollback', async () => {
    const before = await rows();
    const events = Array.from({ length: 12 }, (_, i) => anAuditEvent({ action: 'case.registered_in_bulk', fields: i % 2 ? ['kind'] : [], details: { line: i } }));
    await expect(
      ds.transaction(async (m) => {
        await trail.recordMany(m, events, 5);
        throw new Error('the import failed');
      }),
    ).rejects.toThrow('the import failed');
    expect(await rows()).toHaveLength(before.length);

    await ds.transaction((m) => trail.recordMany(m, events, 5));
    const added = (await rows()).slice(before.length);
    expect(added.map((r: { details: { line: number } }) => r.details.line)).toEqual(events.map((_, i) => i));
    expect(added.map((r: { seq: string }) => Number(r.seq))).toEqual(events.map((_, i) => before.length + 1 + i));
    expect(added[0].prev_hash).toBe(before[before.length - 1].hash);
    for (let i = 1; i < added.length; i++) expect(added[i].prev_hash).toBe(added[i - 1].hash);
    expect(added[1].fields).toEqual(['kind']);
    // The next single append links to the last of the set.
    await trail.recordNow(anAuditEvent({ action: 'case.read' }));
    expect((await rows()).pop().prev_hash).toBe(added[added.length - 1].hash);
    expect(await verifyAuditChain(ds)).toMatchObject({ ok: true, eventsChecked: before.length + 13 });
  });

  it('gives back the seq and hash of each appended event, in order (audit_append_many)', async () => {
    const events = [anAuditEvent({ details: { n: 1 } }), anAuditEvent({ details: { n: 2 } })];
    const returned: { seq: string; hash: string }[] = await ds.transaction((m) =>
      m.query(`select seq::text as seq, hash from audit_append_many($1::jsonb, $2::text[])`, [
        JSON.stringify(events.map((e) => normaliseEvent(e))),
        events.map((e) => canonicalBody(normaliseEvent(e))),
      ]),
    );
    const last = (await rows()).slice(-2);
    expect(returned).toEqual(last.map((r: { seq: string; hash: string }) => ({ seq: r.seq, hash: r.hash })));
    expect(await ds.transaction((m) => m.query(`select count(*)::int as n from audit_append_many('[]'::jsonb, '{}'::text[])`))).toEqual([{ n: 0 }]);
    await expect(ds.transaction((m) => m.query(`select * from audit_append_many($1::jsonb, '{}'::text[])`, [JSON.stringify([normaliseEvent(events[0]!)])]))).rejects.toThrow(
      /1 events for 0 bodies/,
    );
  });

  it('refuses an invalid event at once, without failing the others recorded with it', async () => {
    const results = await Promise.allSettled([
      trail.recordNow(anAuditEvent({ action: 'case.read' })),
      trail.recordNow(anAuditEvent({ details: { reason: 'free text typed by a caseworker' } })),
      trail.recordNow(anAuditEvent({ action: 'case.read' })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('refuses record() outside a transaction, so an event can never commit without its change', async () => {
    await expect(trail.record(ds.manager, anAuditEvent())).rejects.toMatchObject({ code: AuditErrorCode.NoTransaction });
  });

  it('refuses a REPEATABLE READ caller, whose old snapshot would fork the chain', async () => {
    await expect(ds.transaction('REPEATABLE READ', (m) => trail.record(m, anAuditEvent()))).rejects.toThrow(/READ COMMITTED/);
  });

  it('takes the request id and address from the request context when the caller gives none', async () => {
    await runWithRequestContext({ requestId: 'req-from-context-1', ip: '192.0.2.7' }, () =>
      trail.recordNow(anAuditEvent({ requestId: undefined, ip: undefined, action: 'document.download' })),
    );
    const last = (await rows()).pop();
    expect(last).toMatchObject({ action: 'document.download', request_id: 'req-from-context-1', ip: '192.0.2.7' });
  });

  it('stores field names and ids, and refuses values that look like personal data', async () => {
    await trail.recordNow(anAuditEvent({ fields: ['phone', 'fullName', 'phone'], details: { criteriaVersion: 'v2', nationality: 'SN', count: 3, urgent: false } }));
    const last = (await rows()).pop();
    expect(last.fields).toEqual(['fullName', 'phone']);
    expect(last.details).toEqual({ criteriaVersion: 'v2', nationality: 'SN', count: 3, urgent: false });

    const count = (await rows()).length;
    await expect(trail.recordNow(anAuditEvent({ details: { reason: 'Fatima Zahra El Amrani refused' } }))).rejects.toMatchObject({ code: AuditErrorCode.EventInvalid });
    await expect(trail.recordNow(anAuditEvent({ fields: ['name=Fatima Zahra'] }))).rejects.toMatchObject({ code: AuditErrorCode.EventInvalid });
    await expect(trail.recordNow(anAuditEvent({ subjectId: 'passport AB 123456' }))).rejects.toMatchObject({ code: AuditErrorCode.EventInvalid });
    expect(await rows()).toHaveLength(count);
  });
});
