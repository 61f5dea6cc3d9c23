import { randomUUID } from 'node:crypto';
import { AuditTrail, PublishAuditCheckpoint } from '@masar/audit';
import { generateReference } from '@masar/cases';
import { createTestApp, type TestApp } from '@masar/testing';
import { FileBuilder } from '../supervision/support/file-builder';
import { anAuditEvent } from './support/audit-events';
import { tamper } from './support/tamper';

const SUPERVISOR = 'supervisor.rabat@masar.example';
const CASEWORKER = 'caseworker.rabat@masar.example';
const SUPERVISOR_CASA = 'supervisor.casablanca@masar.example';
const COMMISSION = 'supervisor.commission@masar.example';
const ADMIN = 'admin@masar.example';

/** Supervisors search the trail of their scope and check the chain over HTTP; caseworkers may not. */
describe('audit over HTTP', () => {
  let t: TestApp;
  let trail: AuditTrail;
  let file: string;
  let casaFile: string;
  let boundary: string;
  let reference: string;
  let casaReference: string;

  beforeAll(async () => {
    t = await createTestApp();
    trail = t.app.get(AuditTrail);
    const files = new FileBuilder(t.dataSource, t.staff.offices, t.staff.users[CASEWORKER]!);
    file = await files.file({ office: 'RAB', state: 'submitted' });
    casaFile = await files.file({ office: 'CAS', state: 'submitted' });
    // The builder's references carry no check symbol; give these two the real kind, as printed on a receipt.
    [reference, casaReference] = [generateReference(), generateReference()];
    await t.dataSource.query(`update applications set reference = $2 where id = $1`, [file, reference]);
    await t.dataSource.query(`update applications set reference = $2 where id = $1`, [casaFile, casaReference]);
    for (let i = 0; i < 5; i++) await trail.recordNow(anAuditEvent({ applicationId: casaFile, action: 'case.read', details: { i } }));
    for (let i = 0; i < 70; i++) await trail.recordNow(anAuditEvent({ applicationId: file, action: 'case.read', fields: [], details: { i } }));
    await new Promise((r) => setTimeout(r, 5));
    boundary = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    for (let i = 70; i < 120; i++) await trail.recordNow(anAuditEvent({ applicationId: file, details: { i } }));
    for (let i = 0; i < 30; i++) await trail.recordNow(anAuditEvent());
    await new PublishAuditCheckpoint(t.dataSource, t.config).execute();
  });
  afterAll(() => t?.close());

  const get = async (url: string, who = SUPERVISOR) => t.app.inject({ method: 'GET', url, headers: await t.as(who) });

  it('refuses caseworkers and anonymous callers', async () => {
    expect((await get('/audit/events', CASEWORKER)).statusCode).toBe(403);
    expect((await get('/audit/verify', CASEWORKER)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/audit/events' })).statusCode).toBe(401);
  });

  it('pages through a file newest first, each event once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`/audit/events?applicationId=${file}&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const page = res.json() as { events: { seq: string; applicationId: string; details: { i: number } }[]; nextCursor: string | null };
      for (const e of page.events) expect(e.applicationId).toBe(file);
      seen.push(...page.events.map((e) => e.seq));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    const numbers = seen.map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  });

  it('filters by action, by user and by period', async () => {
    const reads = (await get(`/audit/events?applicationId=${file}&action=case.read&limit=200`)).json();
    expect(reads.events).toHaveLength(70);

    // Searching is audited under the file too (action audit.search): keep to the file's own events here.
    const recent = (await get(`/audit/events?applicationId=${file}&action=case.transition&from=${boundary}&limit=200`)).json();
    const steps: number[] = recent.events.map((e: { details: { i: number } }) => e.details.i);
    expect(steps.sort((a, b) => a - b)).toStrictEqual(Array.from({ length: 50 }, (_, k) => k + 70));
    const older = (await get(`/audit/events?applicationId=${file}&to=${boundary}&limit=200`)).json();
    expect(older.events).toHaveLength(70);

    // Signing in is itself audited, under the supervisor's id, with no e-mail or name in the event.
    const supervisorId = t.staff.users[SUPERVISOR]!;
    const logins = await get(`/audit/events?actorId=${supervisorId}&action=auth.login`);
    expect(logins.json().events.length).toBeGreaterThanOrEqual(1);
    expect(logins.json().events[0]).toMatchObject({ action: 'auth.login', actorId: supervisorId, subjectType: 'user' });
    expect(logins.body).not.toMatch(/@masar\.example|Karim/);

    // By subject: what happened to a document, whoever did it.
    const documentId = randomUUID();
    const byRabat = { action: 'document.download', subjectType: 'document', subjectId: documentId, fields: [], applicationId: null, actorId: t.staff.users[CASEWORKER]! };
    await trail.recordNow(anAuditEvent(byRabat));
    await trail.recordNow(anAuditEvent(byRabat));
    const downloads = (await get(`/audit/events?subjectType=document&subjectId=${documentId}`)).json();
    expect(downloads.events).toHaveLength(2);
    expect(downloads.events.every((e: { subjectId: string }) => e.subjectId === documentId)).toBe(true);
  });

  it("shows a supervisor only the events of their office's files and staff; the commission its appeals; an admin all", async () => {
    const ids = (res: { json(): { events: { applicationId: string | null; actorId: string | null }[] } }) => res.json().events;
    // Rabat's supervisor: Casablanca's file does not exist in the trail for them, filtered or not.
    expect(ids(await get(`/audit/events?applicationId=${casaFile}`))).toEqual([]);
    const rabatAll = ids(await get('/audit/events?limit=200'));
    expect(rabatAll.length).toBeGreaterThan(0);
    expect(rabatAll.some((e) => e.applicationId === casaFile)).toBe(false);
    // Events of no file: only those done by staff of the office (here, Rabat's own sign-ins and searches).
    const rabatStaff = new Set(Object.entries(t.staff.users).filter(([email]) => email.endsWith('.rabat@masar.example') || email === ADMIN).map(([, id]) => id));
    expect(rabatAll.filter((e) => e.applicationId === null).every((e) => rabatStaff.has(e.actorId!))).toBe(true);
    expect(rabatAll.filter((e) => e.applicationId !== null).every((e) => e.applicationId === file)).toBe(true);

    // Casablanca's supervisor sees Casablanca's file, not Rabat's.
    const casa = ids(await get(`/audit/events?applicationId=${casaFile}&action=case.read`, SUPERVISOR_CASA));
    expect(casa).toHaveLength(5);
    expect(ids(await get(`/audit/events?applicationId=${file}`, SUPERVISOR_CASA))).toEqual([]);

    // The national commission: the files appealed to it, and Casablanca's file is one once appealed.
    expect(ids(await get(`/audit/events?applicationId=${casaFile}`, COMMISSION))).toEqual([]);
    await t.dataSource.query(`update applications set appeal_office_id = $2 where id = $1`, [casaFile, t.staff.offices.CNR]);
    expect(ids(await get(`/audit/events?applicationId=${casaFile}&action=case.read`, COMMISSION))).toHaveLength(5);
    expect(ids(await get(`/audit/events?applicationId=${file}`, COMMISSION))).toEqual([]);

    // An admin reads the whole trail.
    expect(ids(await get(`/audit/events?applicationId=${casaFile}&action=case.read`, ADMIN))).toHaveLength(5);
    expect(ids(await get(`/audit/events?applicationId=${file}&action=case.read&limit=200`, ADMIN))).toHaveLength(70);
  });

  it('records who searched the trail and who verified it', async () => {
    const supervisorId = t.staff.users[SUPERVISOR]!;
    await get(`/audit/events?applicationId=${file}&action=case.read&limit=3`);
    const searches = (await get(`/audit/events?actorId=${supervisorId}&action=audit.search&limit=1`)).json().events;
    expect(searches[0]).toMatchObject({ actorId: supervisorId, actorRole: 'supervisor', applicationId: file, details: { action: 'case.read', results: 3 } });
  });

  describe('by the reference printed on the receipt', () => {
    type Page = { events: { seq: string; applicationId: string | null; applicationReference: string | null; action: string }[]; nextCursor: string | null };
    const search = async (query: string, who = SUPERVISOR) => {
      const res = await get(`/audit/events?${query}`, who);
      expect(res.statusCode).toBe(200);
      return (res.json() as Page).events;
    };

    it("finds that file's events only, the same ones as its id, each showing the reference", async () => {
      const until = new Date().toISOString();
      const byReference = await search(`reference=${reference}&to=${until}&limit=200`);
      expect(byReference.length).toBeGreaterThanOrEqual(120);
      expect(byReference.every((e) => e.applicationId === file && e.applicationReference === reference)).toBe(true);
      const byId = await search(`applicationId=${file}&to=${until}&limit=200`);
      expect(byReference.map((e) => e.seq)).toEqual(byId.map((e) => e.seq));
      expect(byId.every((e) => e.applicationReference === reference)).toBe(true);
    });

    it('reads the reference as the status page does: lower case, spaces, no dashes, no prefix', async () => {
      for (const typed of [reference.toLowerCase(), ` ${reference.replace(/-/g, ' ')} `, reference.replace(/-/g, ''), reference.slice(3)]) {
        const reads = await search(`reference=${encodeURIComponent(typed)}&action=case.read&limit=200`);
        expect(reads).toHaveLength(70);
        expect(reads.every((e) => e.applicationId === file)).toBe(true);
      }
    });

    it('narrows with the other filters', async () => {
      expect(await search(`reference=${reference}&action=case.transition&from=${boundary}&limit=200`)).toHaveLength(50);
      expect(await search(`reference=${reference}&action=case.read&to=${boundary}&limit=200`)).toHaveLength(70);
      const page = await search(`reference=${reference}&action=case.read&limit=7`);
      expect(page).toHaveLength(7);
      // Two files at once name no event.
      expect(await search(`reference=${reference}&applicationId=${casaFile}`, ADMIN)).toEqual([]);
      expect(await search(`reference=${reference}&applicationId=${file}&action=case.read&limit=200`)).toHaveLength(70);
    });

    it("answers another office's file exactly like an unknown one: an empty page, not an error", async () => {
      expect(await search(`reference=${casaReference}`)).toEqual([]);
      let unknown = generateReference();
      while (unknown === reference || unknown === casaReference) unknown = generateReference();
      expect(await search(`reference=${unknown}`)).toEqual([]);
      // Casablanca's supervisor finds their own file by it; not Rabat's.
      const casa = await search(`reference=${casaReference.toLowerCase()}&action=case.read`, SUPERVISOR_CASA);
      expect(casa).toHaveLength(5);
      expect(casa.every((e) => e.applicationId === casaFile && e.applicationReference === casaReference)).toBe(true);
      expect(await search(`reference=${reference}`, SUPERVISOR_CASA)).toEqual([]);
    });

    it('refuses what cannot be a reference with a problem and a stable code', async () => {
      const last = reference.at(-1)!;
      const mistyped = reference.slice(0, -1) + (last === 'X' ? 'Y' : 'X');
      for (const typed of [mistyped, 'MA-1234', 'not a reference', reference + '7']) {
        const res = await get(`/audit/events?reference=${encodeURIComponent(typed)}`);
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.json()).toMatchObject({ status: 400, code: 'AUDIT_SEARCH_REFERENCE_INVALID' });
      }
      expect((await get(`/audit/events?reference=${'M'.repeat(41)}`)).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('records the search under the file, with the reference as read', async () => {
      const supervisorId = t.staff.users[SUPERVISOR]!;
      await search(`reference=${encodeURIComponent(reference.toLowerCase())}&action=case.read&limit=2`);
      const [recorded] = await search(`actorId=${supervisorId}&action=audit.search&limit=1`);
      expect(recorded).toMatchObject({ applicationId: file, applicationReference: reference });
      const [row] = await t.dataSource.query(`select details from audit_events where id = (select id from audit_events where actor_id = $1 and action = 'audit.search' order by seq desc offset 1 limit 1)`, [supervisorId]);
      expect(row.details).toMatchObject({ reference, action: 'case.read', results: 2 });
    });
  });

  it('describes both routes and their answers in the OpenAPI document', async () => {
    const docs = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json();
    const ok = (path: string) => docs.paths[path].get.responses['200'].content['application/json'].schema.$ref;
    expect(ok('/audit/events')).toBe('#/components/schemas/AuditEventPageDto');
    expect(ok('/audit/verify')).toBe('#/components/schemas/AuditVerificationDto');
    expect(docs.paths['/audit/events'].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'action', 'actorId', 'applicationId', 'cursor', 'from', 'limit', 'reference', 'subjectId', 'subjectType', 'to',
    ]);
    expect(docs.components.schemas.AuditChainBreakDto.properties.kind.enum).toContain('chain_rewritten');
  });

  it('answers problems for a bad cursor, a bad limit and an unknown filter', async () => {
    const cursor = await get('/audit/events?cursor=not-a-cursor');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json()).toMatchObject({ code: 'AUDIT_SEARCH_CURSOR_INVALID' });
    expect((await get('/audit/events?limit=5000')).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await get('/audit/events?from=yesterday')).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await get('/audit/events?name=Fatima')).statusCode).toBe(400);
  });

  it('verifies the chain, then reports a tampered row at its place', async () => {
    const intact = await get('/audit/verify');
    expect(intact.statusCode).toBe(200);
    expect(intact.json()).toMatchObject({ ok: true, signaturesChecked: true, checkpointsChecked: 1, firstBreak: null });

    const [{ id }] = await t.dataSource.query(`select id from audit_events where application_id = $1 and details->>'i' = '42'`, [file]);
    await tamper(t.db.url, `update audit_events set application_id = '${randomUUID()}' where id = '${id}'`);
    const broken = (await get('/audit/verify')).json();
    expect(broken.ok).toBe(false);
    expect(broken.firstBreak).toMatchObject({ kind: 'row_changed', id });
    const [verification] = await t.dataSource.query(`select details from audit_events where action = 'audit.verify' order by seq desc limit 1`);
    expect(verification.details).toMatchObject({ ok: false, breakKind: 'row_changed' });
  });
});
