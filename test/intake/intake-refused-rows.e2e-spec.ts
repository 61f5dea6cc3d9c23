import { UnrecoverableError } from 'bullmq';
import { verifyAuditChain } from '@masar/audit';
import { ImportBatch, type IntakeProcessor } from '@masar/intake';
import { createTestApp, type TestApp } from '@masar/testing';
import { csv, importJob as job, intakeProcessor, person, uploadBatch, type CsvPerson } from './support';

const CW_RABAT = 'caseworker.rabat@masar.example';

/**
 * A row the import refuses does not stop the batch: its chunk is tried again in halves until the row is alone, the
 * row is refused with a code (and a reason without its values), every other row is imported once. On the real
 * database; the poisoned rows are staged rows changed in the database after the upload's checks (a sex the
 * applicants table's check refuses, a category withdrawn from the criteria), which no upload could stage.
 */
describe('campaign intake: a refused row is isolated, the batch goes on', () => {
  let t: TestApp;
  let importer: ImportBatch;
  let processor: IntakeProcessor;

  beforeAll(async () => {
    t = await createTestApp();
    importer = t.app.get(ImportBatch);
    processor = intakeProcessor(t, importer);
  });
  afterAll(async () => t?.close());

  const upload = (people: CsvPerson[]) => uploadBatch(t, csv(people), CW_RABAT);
  const get = async (url: string) => t.app.inject({ method: 'GET', url, headers: await t.as(CW_RABAT) });
  const count = async (sql: string, params: unknown[] = []) => Number((await t.dataSource.query(sql, params))[0].n);
  const poison = async (id: string, line: number, set: string) => t.dataSource.query(`update intake_rows set ${set} where batch_id = $1 and line = $2`, [id, line]);

  it('imports every other row of the chunk exactly once and lists the poisoned rows as refused with their codes', async () => {
    const people = Array.from({ length: 40 }, (_, i) => person(1000 + i));
    const id = await upload(people);
    // Lines 2..41. Line 17 (the 16th person): a sex only the database refuses; line 30: a category withdrawn.
    await poison(id, 17, `sex = 'x'`);
    await poison(id, 30, `category = 'withdrawn_category'`);
    const apps = await count(`select count(*) as n from applications`);

    await processor.process(job(id));

    const batch = (await get(`/intake/batches/${id}`)).json();
    expect(batch).toMatchObject({ status: 'completed', progress: 1, counts: { staged: 40, imported: 38, forReview: 0, pending: 0, invalid: 2 } });
    expect(await count(`select count(*) as n from applications`)).toBe(apps + 38);
    expect(await count(`select count(*) as n from audit_events where action = 'case.registered_in_bulk' and details->>'intakeBatchId' = $1`, [id])).toBe(38);
    const results: { line: number; outcome: string; application_id: string | null; refusal_code: string | null; refusal_reason: string | null }[] = await t.dataSource.query(
      `select line, outcome, application_id, refusal_code, refusal_reason from intake_results where batch_id = $1 order by line`,
      [id],
    );
    expect(results.map((r) => r.line)).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
    const imported = results.filter((r) => r.outcome === 'imported');
    expect(imported).toHaveLength(38);
    expect(new Set(imported.map((r) => r.application_id)).size).toBe(38);
    // Every other person exactly once: one applicant per document, none for the refused rows.
    for (const [i, p] of people.entries()) {
      const n = await count(`select count(*) as n from applicants where latin_name = $1`, [p.latin]);
      expect({ line: i + 2, n }).toEqual({ line: i + 2, n: i + 2 === 17 || i + 2 === 30 ? 0 : 1 });
    }
    const refused = results.filter((r) => r.outcome === 'refused');
    expect(refused.map((r) => [r.line, r.refusal_code])).toEqual([
      [17, 'IMPORT_DATA_REJECTED'],
      [30, 'IMPORT_REFUSED'],
    ]);
    expect(refused[0]!.refusal_reason).toMatch(/^PostgreSQL 23514, applicants_sex_check/);
    expect(refused[1]!.refusal_reason).toMatch(/^CASES_UNKNOWN_CATEGORY/);
    for (const [k, line] of [17, 30].entries()) {
      const p = people[line - 2]!;
      for (const value of [p.latin, p.doc, p.email, p.phone, p.birth]) expect(refused[k]!.refusal_reason).not.toContain(value);
    }
    const errors = (await get(`/intake/batches/${id}/errors`)).body;
    expect(errors).toContain('\n17,,IMPORT_DATA_REJECTED\n');
    expect(errors).toContain('\n30,,IMPORT_REFUSED\n');
    expect(await count(`select count(*) as n from audit_events where action = 'intake.batch_imported' and subject_id = $1 and (details->>'rowsRefused')::int = 2`, [id])).toBe(1);
    // The attempts rolled back left no hole in the audit chain.
    expect((await verifyAuditChain(t.dataSource)).ok).toBe(true);
    // The receipts list the imported rows only.
    expect((await t.app.inject({ method: 'POST', url: `/intake/batches/${id}/receipts`, headers: await t.as(CW_RABAT) })).body.trim().split('\n')).toHaveLength(39);
  });

  it('isolates a row across small chunks too, and a rerun imports nothing twice', async () => {
    const id = await upload(Array.from({ length: 12 }, (_, i) => person(1100 + i)));
    await poison(id, 6, `preferred_language = 'de'`);
    const steps = [];
    for (let s = await importer.step(id, 5); ; s = await importer.step(id, 5)) {
      steps.push(s);
      if (s.done) break;
    }
    expect(steps.map((s) => [s.rows, s.imported, s.refused])).toEqual([
      [5, 4, 1],
      [5, 5, 0],
      [2, 2, 0],
    ]);
    expect(await importer.run(id)).toBe(0);
    expect(await count(`select count(*) as n from intake_results where batch_id = $1 and outcome = 'imported'`, [id])).toBe(11);
    expect((await get(`/intake/batches/${id}`)).json()).toMatchObject({ status: 'completed', counts: { imported: 11, pending: 0 } });
  });

  it('still fails the batch on an error that is not a row’s, or when every row of a chunk is refused', async () => {
    // A table missing: no row causes it.
    const id = await upload(Array.from({ length: 6 }, (_, i) => person(1200 + i)));
    await t.dataSource.query(`alter table case_history rename to case_history_gone`).catch(async () => {
      throw new Error('the test expects a case_history table');
    });
    try {
      await expect(processor.process(job(id))).rejects.toBeInstanceOf(UnrecoverableError);
    } finally {
      await t.dataSource.query(`alter table case_history_gone rename to case_history`);
    }
    const failed = (await get(`/intake/batches/${id}`)).json();
    expect(failed).toMatchObject({ status: 'failed', failure: { code: 'INTAKE_IMPORT_DATA_REJECTED' }, counts: { imported: 0, pending: 6, invalid: 0 } });
    expect(failed.failure.detail).toContain('42P01');
    expect(await count(`select count(*) as n from intake_results where batch_id = $1`, [id])).toBe(0);

    // Every row refused: the cause is the batch's, not its rows'. Nothing is recorded as refused.
    const all = await upload(Array.from({ length: 4 }, (_, i) => person(1300 + i)));
    await t.dataSource.query(`update intake_rows set category = 'withdrawn_category' where batch_id = $1`, [all]);
    await expect(processor.process(job(all))).rejects.toBeInstanceOf(UnrecoverableError);
    expect((await get(`/intake/batches/${all}`)).json()).toMatchObject({ status: 'failed', failure: { code: 'INTAKE_IMPORT_REFUSED' }, counts: { imported: 0, pending: 4 } });
    expect(await count(`select count(*) as n from intake_results where batch_id = $1`, [all])).toBe(0);
  });
});
