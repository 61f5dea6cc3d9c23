import { UnrecoverableError } from 'bullmq';
import { hashAccessCode } from '@masar/cases';
import { ImportBatch, type IntakeProcessor } from '@masar/intake';
import { createTestApp, type TestApp } from '@masar/testing';
import { csv, importJob, intakeProcessor, person, uploadBatch } from './support';

const CW_RABAT = 'caseworker.rabat@masar.example';
const SUP_RABAT = 'supervisor.rabat@masar.example';
const CW_CASA = 'caseworker.casablanca@masar.example';
const APPLICANT = 'applicant@masar.example';

/**
 * The two ways a campaign import could leave the office stuck, on the real API and database: a batch whose import
 * fails for good (failed with its reason, what was imported kept, resumed without registering anyone twice), and
 * the rows set aside as possible duplicates (each decided once by a caseworker of the office, audited, counted and
 * given its receipt). The processor is the worker's own class, run in process on jobs shaped as bullmq hands them.
 */
describe('campaign intake: failed imports and review decisions', () => {
  let t: TestApp;
  let importer: ImportBatch;
  let processor: IntakeProcessor;

  beforeAll(async () => {
    t = await createTestApp();
    importer = t.app.get(ImportBatch);
    processor = intakeProcessor(t, importer);
  });
  afterAll(async () => t?.close());

  const job = importJob;
  const upload = (bytes: Buffer, who = CW_RABAT) => uploadBatch(t, bytes, who);
  const get = async (url: string, who = CW_RABAT) => t.app.inject({ method: 'GET', url, headers: await t.as(who) });
  const post = async (url: string, payload: object | undefined, who = CW_RABAT) => t.app.inject({ method: 'POST', url, payload, headers: await t.as(who) });
  const count = async (sql: string, params: unknown[] = []) => Number((await t.dataSource.query(sql, params))[0].n);

  it('fails a batch for good on a permanent error, with its reason and what it kept, and resumes it without registering anyone twice', async () => {
    const id = await upload(csv(Array.from({ length: 25 }, (_, i) => person(300 + i))));
    const before = await count(`select count(*) as n from applications`);
    expect(await importer.step(id, 10)).toMatchObject({ rows: 10, imported: 10, done: false });
    // Every remaining row refused by the cases context (their category was withdrawn from the criteria): the cause is
    // not one row's (a single refused row is isolated and the batch goes on: intake-refused-rows.e2e-spec.ts), and it
    // is the same on every try.
    const kept: { line: number; category: string }[] = await t.dataSource.query(`select line, category from intake_rows where batch_id = $1 and line > 11`, [id]);
    await t.dataSource.query(`update intake_rows set category = 'withdrawn_category' where batch_id = $1 and line > 11`, [id]);

    await expect(processor.process(job(id))).rejects.toBeInstanceOf(UnrecoverableError);
    const failed = (await get(`/intake/batches/${id}`)).json();
    expect(failed).toMatchObject({ status: 'failed', counts: { staged: 25, imported: 10, pending: 15 }, completedAt: null });
    expect(failed.failure.code).toBe('INTAKE_IMPORT_REFUSED');
    expect(failed.failure.detail).toContain('CASES_UNKNOWN_CATEGORY');
    expect(await count(`select count(*) as n from applications`)).toBe(before + 10);
    expect(await count(`select count(*) as n from audit_events where action = 'intake.batch_failed' and subject_id = $1 and details->>'failureCode' = 'INTAKE_IMPORT_REFUSED' and (details->>'rowsPending')::int = 15`, [id])).toBe(1);
    // A job left over from before the failure does nothing; receipts wait for the end.
    expect(await importer.run(id)).toBe(0);
    const early = await post(`/intake/batches/${id}/receipts`, undefined);
    expect(early.json().code).toBe('INTAKE_RECEIPTS_NOT_READY');

    // Only the office's staff resume, only a failed batch.
    expect((await post(`/intake/batches/${id}/resume`, undefined, CW_CASA)).statusCode).toBe(404);
    expect((await post(`/intake/batches/${id}/resume`, undefined, APPLICANT)).statusCode).toBe(403);
    await t.dataSource.query(
      `update intake_rows r set category = k.category from unnest($2::int[], $3::text[]) as k(line, category) where r.batch_id = $1 and r.line = k.line`,
      [id, kept.map((k) => k.line), kept.map((k) => k.category)],
    );
    const resumed = await post(`/intake/batches/${id}/resume`, undefined, SUP_RABAT);
    expect(resumed.statusCode).toBe(202);
    expect(resumed.json()).toMatchObject({ status: 'importing', failure: null, resumedCount: 1, counts: { imported: 10, pending: 15 } });
    const again = await post(`/intake/batches/${id}/resume`, undefined);
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toMatch(/problem\+json/);
    expect(again.json().code).toBe('INTAKE_BATCH_NOT_FAILED');
    // The resumed batch has a job of its own in the outbox (the failed job keeps its id for inspection).
    const [message] = await t.dataSource.query(`select id from outbox_messages where job_name = 'intake.import' and payload->>'batchId' = $1 and id <> $1::uuid`, [id]);
    expect(message).toBeDefined();
    expect(await count(`select count(*) as n from audit_events where action = 'intake.batch_resumed' and subject_id = $1 and details->>'jobId' = $2`, [id, message.id])).toBe(1);

    await processor.process({ ...job(id), id: message.id });
    const done = (await get(`/intake/batches/${id}`)).json();
    expect(done).toMatchObject({ status: 'completed', progress: 1, counts: { imported: 25, forReview: 0, pending: 0 } });
    expect(await count(`select count(*) as n from applications`)).toBe(before + 25);
    expect(await count(`select count(distinct application_id) as n from intake_results where batch_id = $1`, [id])).toBe(25);
    expect(await count(`select count(*) as n from audit_events where action = 'case.registered_in_bulk' and details->>'intakeBatchId' = $1`, [id])).toBe(25);
    expect((await post(`/intake/batches/${id}/receipts`, undefined)).body.trim().split('\n')).toHaveLength(26);
  });

  it('retries a lost connection, and fails the batch only once the retries are spent', async () => {
    const id = await upload(csv([person(400), person(401)]));
    const lost = Object.assign(new Error('Connection terminated unexpectedly'), {});
    // The fault is injected where the worker meets it: the import of the batch throws what node-postgres throws.
    const flaky = intakeProcessor(t, Object.assign(Object.create(importer) as ImportBatch, { run: async () => Promise.reject(lost) }));
    await expect(flaky.process(job(id, 0, 3))).rejects.toBe(lost);
    await expect(flaky.process(job(id, 1, 3))).rejects.toBe(lost);
    expect((await get(`/intake/batches/${id}`)).json().status).toBe('importing');
    await expect(flaky.process(job(id, 2, 3))).rejects.toBe(lost);
    const failed = (await get(`/intake/batches/${id}`)).json();
    expect(failed).toMatchObject({ status: 'failed', failure: { code: 'INTAKE_IMPORT_UNAVAILABLE' }, counts: { imported: 0, pending: 2 } });
    expect(failed.failure.detail).toContain('Tried 3 times');
    // The queue's failed event for the same job changes nothing more.
    await flaky.onFailed(job(id, 3, 3), lost);
    expect(await count(`select count(*) as n from audit_events where action = 'intake.batch_failed' and subject_id = $1`, [id])).toBe(1);
    // Workers killed more often than the queue allows: failed as such, and resumable.
    const id2 = await upload(csv([person(402)]));
    await processor.onFailed(job(id2, 0, 8), new Error('job stalled more than allowable limit'));
    expect((await get(`/intake/batches/${id2}`)).json().failure.code).toBe('INTAKE_IMPORT_WORKER_LOST');
    expect((await post(`/intake/batches/${id2}/resume`, undefined)).statusCode).toBe(202);
  });

  it('lets a caseworker decide each set-aside row once: a new person with a reason, the file on the person found, or discarded', async () => {
    const existing = person(1, { latin: 'Mohamed Diallo', nat: 'SN', birth: '1985-03-04' });
    const reg = await post('/applicants', { latinName: existing.latin, birthDate: { year: 1985, month: 3, day: 4 }, nationality: 'SN', documents: [{ type: 'passport', number: existing.doc }], confirmNew: true });
    expect(reg.statusCode).toBe(201);
    const existingId: string = reg.json().applicantId;
    const first = person(2);
    const id = await upload(
      csv([
        first, // line 2: imported
        { ...person(3), doc: existing.doc }, // line 3: the registered person's passport
        person(4, { latin: 'Muhammad Dialo', arabic: '', nat: 'SN', birth: '1985-11-20' }), // line 4: sounds like them
        { ...person(5), doc: first.doc }, // line 5: line 2's passport
        { ...person(6), doc: first.doc }, // line 6: line 2's passport again
      ]),
    );
    await importer.run(id);
    expect((await get(`/intake/batches/${id}`)).json().counts).toMatchObject({ imported: 1, forReview: 4, reviewOpen: 4 });
    const decide = (line: number, body: object, who = CW_RABAT) => post(`/intake/batches/${id}/review/${line}/decision`, body, who);
    const apps = await count(`select count(*) as n from applications`);
    const persons = await count(`select count(*) as n from applicants`);

    // Office scope and roles, as for the rest of the batch.
    expect((await decide(3, { decision: 'attach', applicantId: existingId }, CW_CASA)).statusCode).toBe(404);
    expect((await decide(3, { decision: 'attach', applicantId: existingId }, APPLICANT)).statusCode).toBe(403);
    expect((await decide(2, { decision: 'discard', reason: 'imported already' })).json().code).toBe('INTAKE_REVIEW_ROW_NOT_FOUND');
    expect((await decide(3, { decision: 'merge' })).statusCode).toBe(400);
    // The same passport is the same person: registering it anew is refused, as by hand, and nothing changes.
    const sameDoc = await decide(3, { decision: 'register_new', reason: 'The office says it is another man' });
    expect(sameDoc.statusCode).toBe(409);
    expect(sameDoc.json().code).toBe('CASES_DUPLICATE_CANDIDATES');
    expect((await decide(4, { decision: 'register_new', reason: '  ' })).json().code).toBe('INTAKE_REVIEW_REASON_REQUIRED');
    expect((await decide(4, { decision: 'attach' })).json().code).toBe('INTAKE_REVIEW_PERSON_REQUIRED');
    expect((await decide(4, { decision: 'attach', applicantId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f' })).json().code).toBe('INTAKE_REVIEW_NOT_A_CANDIDATE');
    // Submitting a file is a caseworker's action in the workflow: a supervisor's registration is refused, whole.
    const bySupervisor = await decide(4, { decision: 'register_new', reason: 'Different village and father' }, SUP_RABAT);
    expect(bySupervisor.statusCode).toBe(403);
    expect(bySupervisor.json().code).toBe('CASES_ACTION_FORBIDDEN');
    expect(await count(`select count(*) as n from applicants`)).toBe(persons);
    expect(await count(`select count(*) as n from applications`)).toBe(apps);
    expect(await count(`select count(*) as n from intake_results where batch_id = $1 and decision is not null`, [id])).toBe(0);

    const attached = await decide(3, { decision: 'attach', applicantId: existingId });
    expect(attached.statusCode).toBe(200);
    expect(attached.json()).toMatchObject({ line: 3, decision: 'attached', applicantId: existingId, accessCode: null });
    const registered = await decide(4, { decision: 'register_new', reason: 'Different father’s name and village on the consular card' });
    expect(registered.statusCode).toBe(200);
    expect(registered.json().applicantId).not.toBe(existingId);
    const discarded = await decide(5, { decision: 'discard', reason: 'Listed twice by the association' });
    expect(discarded.json()).toMatchObject({ decision: 'discarded', applicationId: null });

    // Once per row: the second decision is a 409 with a stable code, whatever it says.
    const second = await decide(4, { decision: 'discard', reason: 'Changed my mind' });
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toMatch(/problem\+json/);
    expect(second.json()).toMatchObject({ code: 'INTAKE_REVIEW_ALREADY_DECIDED', decision: 'registered_new' });
    expect((await decide(3, { decision: 'attach', applicantId: existingId })).json().code).toBe('INTAKE_REVIEW_ALREADY_DECIDED');

    // What was made: two submitted files (one on the registered person, one on a new person), nothing for the discard.
    expect(await count(`select count(*) as n from applications`)).toBe(apps + 2);
    expect(await count(`select count(*) as n from applicants`)).toBe(persons + 1);
    const files = await t.dataSource.query(
      `select a.id, a.applicant_id, a.state, a.office_id, a.reference, a.access_code_hash from intake_results r join applications a on a.id = r.application_id
        where r.batch_id = $1 and r.line in (3, 4) order by r.line`,
      [id],
    );
    expect(files.map((f: { applicant_id: string }) => f.applicant_id)).toEqual([existingId, registered.json().applicantId]);
    for (const f of files) expect(f).toMatchObject({ state: 'submitted', office_id: t.staff.offices.RAB });
    const ids = files.map((f: { id: string }) => f.id);
    expect(await count(`select count(*) as n from case_history where application_id = any($1) and action = 'submit'`, [ids])).toBe(2);
    expect(await count(`select count(*) as n from case_history where application_id = $1 and action = 'submit' and reason like 'Different father%'`, [ids[1]])).toBe(1);
    expect(await count(`select count(*) as n from outbox_messages where job_name = 'letters.receipt' and payload->>'applicationId' = any($1)`, [ids])).toBe(2);
    expect(await count(`select count(*) as n from notifications where application_id = any($1) and event = 'application.submitted'`, [ids])).toBe(2);
    // Each decision audited, with who decided; the reason stays with the decision, not in the trail.
    const audit = await t.dataSource.query(
      `select details->>'line' as line, details->>'decision' as decision, actor_id, fields from audit_events where action = 'intake.review_decided' and subject_id = $1 order by (details->>'line')::int`,
      [id],
    );
    expect(audit).toEqual([
      { line: '3', decision: 'attached', actor_id: t.staff.users[CW_RABAT], fields: ['decision'] },
      { line: '4', decision: 'registered_new', actor_id: t.staff.users[CW_RABAT], fields: ['decision', 'decision_reason'] },
      { line: '5', decision: 'discarded', actor_id: t.staff.users[CW_RABAT], fields: ['decision', 'decision_reason'] },
    ]);
    expect(JSON.stringify(await t.dataSource.query(`select * from audit_events where subject_id = $1`, [id]))).not.toContain('Listed twice');

    // The counts and the review list say it.
    expect((await get(`/intake/batches/${id}`)).json().counts).toMatchObject({ imported: 1, forReview: 4, reviewRegistered: 1, reviewAttached: 1, reviewDiscarded: 1, reviewOpen: 1 });
    const review = (await get(`/intake/batches/${id}/review`)).json();
    expect(review.map((r: { line: number; decision: { decision: string } | null }) => [r.line, r.decision?.decision ?? null])).toEqual([
      [3, 'attached'],
      [4, 'registered_new'],
      [5, 'discarded'],
      [6, null],
    ]);

    // The receipts hold the files of the decisions too, with codes that open them.
    const receipts = await post(`/intake/batches/${id}/receipts`, undefined);
    const rows = receipts.body.trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows.map((r) => r[0])).toEqual(['2', '3', '4']);
    for (const [i, f] of files.entries()) {
      expect(rows[i + 1]![1]).toBe(f.reference);
      expect(hashAccessCode(rows[i + 1]![2]!, t.config.crypto.accessCodeKey)).toBe(f.access_code_hash);
    }
    // After the receipts, a decided file's access code is shown once, in the answer. Line 6 looks like line 2:
    // its file goes on the person line 2 became.
    const line2Person: string = (await t.dataSource.query(`select applicant_id from intake_results where batch_id = $1 and line = 2`, [id]))[0].applicant_id;
    const late = await decide(6, { decision: 'attach', applicantId: line2Person });
    expect(late.statusCode).toBe(200);
    const [lateFile] = await t.dataSource.query(`select access_code_hash, applicant_id from applications where id = $1`, [late.json().applicationId]);
    expect(lateFile.applicant_id).toBe(line2Person);
    expect(hashAccessCode(late.json().accessCode, t.config.crypto.accessCodeKey)).toBe(lateFile.access_code_hash);
    expect(await count(`select count(*) as n from intake_results where batch_id = $1 and access_code_enc is not null`, [id])).toBe(0);
    expect((await get(`/intake/batches/${id}`)).json().counts.reviewOpen).toBe(0);
  });
});
