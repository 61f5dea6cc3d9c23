import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@masar/database';
import { AuditTrail, verifyAuditChain } from '@masar/audit';
import { createAuditDatabase, superuser, type TestDatabase } from './support/audit-database';
import { anAuditEvent } from './support/audit-events';

/**
 * The application's role (masar_app) appends through audit_append and reads; it can neither change, remove nor
 * forge rows. The trigger stops even the table's owner and a superuser who has not disabled triggers.
 */
describe('audit trail is append-only', () => {
  let db: TestDatabase;
  let asApp: DataSource;

  beforeAll(async () => {
    db = await createAuditDatabase();
    // Every connection of this pool acts as masar_app, as the application's connections should.
    asApp = await new DataSource({ ...dataSourceOptions(db.url, 2), extra: { ...dataSourceOptions(db.url, 2).extra, options: '-c role=masar_app' } }).initialize();
    const trail = new AuditTrail(asApp);
    for (let i = 0; i < 3; i++) await trail.recordNow(anAuditEvent());
  });
  afterAll(async () => {
    await asApp?.destroy();
    await db?.drop();
  });

  it('lets the application role append through the trail and read', async () => {
    const [{ current_user }] = await asApp.query('select current_user');
    expect(current_user).toBe('masar_app');
    expect(await asApp.query('select seq from audit_events')).toHaveLength(3);
    expect(await verifyAuditChain(asApp)).toMatchObject({ ok: true, eventsChecked: 3 });
  });

  it.each([
    ['update', `update audit_events set action = 'case.read' where seq = 2`],
    ['delete', 'delete from audit_events where seq = 2'],
    ['truncate', 'truncate audit_events'],
    ['insert a forged row', `insert into audit_events (seq, id, occurred_at, action, subject_type, prev_hash, hash) values (4, gen_random_uuid(), now(), 'case.read', 'application', repeat('0', 64), repeat('0', 64))`],
    ['update a checkpoint', `update audit_checkpoints set head_hash = repeat('0', 64)`],
    ['delete a checkpoint', 'delete from audit_checkpoints'],
  ])('refuses the application role to %s', async (_what, sql) => {
    await expect(asApp.query(sql)).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '42501' }) });
  });

  it('refuses UPDATE, DELETE and TRUNCATE even to a superuser while the trigger is on', async () => {
    const c = await superuser(db.url);
    try {
      for (const sql of [`update audit_events set action = 'case.read'`, 'delete from audit_events', 'truncate audit_events']) {
        await expect(c.query(sql)).rejects.toThrow(/audit_events is append-only/);
      }
      const { rows } = await c.query('select count(*)::int as n from audit_events');
      expect(rows[0].n).toBe(3);
    } finally {
      await c.end();
    }
  });
});
