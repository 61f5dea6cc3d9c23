import { hashAccessCode } from '@masar/cases';
import { ImportBatch } from '@masar/intake';
import { RegisterCampaignBatch } from '@masar/cases';
import { createTestApp, type TestApp } from '@masar/testing';
import { csv, HEADER, multipart, person } from './support';

const CW_RABAT = 'caseworker.rabat@masar.example';
const CW2_RABAT = 'caseworker2.rabat@masar.example';
const SUP_RABAT = 'supervisor.rabat@masar.example';
const CW_CASA = 'caseworker.casablanca@masar.example';
const APPLICANT = 'applicant@masar.example';

/**
 * Bulk intake on the real API and database: upload (staged by COPY), row errors, the import run in process by the
 * same use case the worker's job runs (the worker itself is in intake-worker.e2e-spec.ts), duplicates, the same
 * file twice, receipts once, a crash mid-import, and access.
 */
describe('bulk intake of a campaign CSV', () => {
  let t: TestApp;
  let importer: ImportBatch;

  beforeAll(async () => {
    t = await createTestApp();
    importer = t.app.get(ImportBatch);
  });
  afterAll(async () => t?.close());

  async function upload(bytes: Buffer, who = CW_RABAT, query = '') {
    const { payload, headers } = await multipart(bytes);
    return t.app.inject({ method: 'POST', url: `/intake/batches${query}`, headers: { ...headers, ...(await t.as(who)) }, payload });
  }
  const get = async (url: string, who = CW_RABAT) => t.app.inject({ method: 'GET', url, headers: await t.as(who) });
  const count = async (sql: string, params: unknown[] = []) => Number((await t.dataSource.query(sql, params))[0].n);

  it('stages good rows, lists every bad one with its code, imports the good ones as submitted files with receipts', async () => {
    const good = Array.from({ length: 5 }, (_, i) => person(i));
    good[1] = { ...good[1]!, arabic: 'محمد الحداد', latin: '' };
    good[2] = { ...good[2]!, phone: '0612345678', email: '', lang: '', sex: 'F', birth: '1990-05' };
    const base = person(99);
    const bad = [
      { ...base, latin: '', arabic: '' },
      { ...base, latin: 'x'.repeat(201) },
      { ...base, sex: 'other' },
      { ...base, birth: '' },
      { ...base, birth: '1990-02-30' },
      { ...base, nat: 'XX' },
      { ...base, docType: 'library_card' },
      { ...base, doc: '12' },
      { ...base, phone: 'call me' },
      { ...base, email: 'not-an-address' },
      { ...base, lang: 'de' },
      { ...base, category: 'tourist' },
    ].map((p, i) => ({ ...p, doc: p.doc === '12' ? '12' : `B${i}${base.doc}` }));
    const bytes = Buffer.concat([csv([...good, ...bad]), Buffer.from('only,three,fields\n'), Buffer.from(`${HEADER.split(',').map(() => '').join(',')}x,,,,,,,,,,,,\n`)]);
    const res = await upload(bytes);
    expect(res.statusCode).toBe(202);
    const batch = res.json();
    expect(res.headers.location).toBe(`/intake/batches/${batch.id}`);
    expect(batch).toMatchObject({ status: 'importing', created: true, counts: { received: 19, invalid: 14, staged: 5, imported: 0, pending: 5 } });

    const errors = await get(`/intake/batches/${batch.id}/errors`);
    expect(errors.headers['content-type']).toMatch(/^text\/csv/);
    const lines = errors.body.trim().split('\n');
    expect(lines[0]).toBe('line,column,code');
    const codes = new Set(lines.slice(1).map((l) => l.split(',')[2]));
    for (const code of ['NAME_MISSING', 'NAME_TOO_LONG', 'SEX_INVALID', 'BIRTH_DATE_MISSING', 'BIRTH_DATE_INVALID', 'NATIONALITY_INVALID', 'DOCUMENT_TYPE_INVALID', 'DOCUMENT_NUMBER_INVALID', 'PHONE_INVALID', 'EMAIL_INVALID', 'LANGUAGE_INVALID', 'CATEGORY_INVALID', 'ROW_MALFORMED']) {
      expect(codes).toContain(code);
    }
    expect(lines).toContain('7,latin_name,NAME_MISSING');
    expect(lines).toContain('10,birth_date,BIRTH_DATE_MISSING');
    expect(lines).toContain('20,*,ROW_MALFORMED');
    expect(lines).toContain('19,*,ROW_MALFORMED');

    // Staging holds no plain date of birth, phone, e-mail or document number.
    const staged = JSON.stringify(await t.dataSource.query(`select * from intake_rows where batch_id = $1`, [batch.id]));
    for (const p of good) {
      expect(staged).not.toContain(p.doc);
      if (p.email) expect(staged).not.toContain(p.email);
    }

    await importer.run(batch.id);
    const done = (await get(`/intake/batches/${batch.id}`)).json();
    expect(done).toMatchObject({ status: 'completed', progress: 1, counts: { imported: 5, forReview: 0, pending: 0 } });

    const files = await t.dataSource.query(
      `select a.id, a.state, a.version, a.category, a.submitted_at is not null as submitted, a.office_id, a.access_code_hash, a.reference
         from intake_results r join applications a on a.id = r.application_id where r.batch_id = $1 order by r.line`,
      [batch.id],
    );
    expect(files).toHaveLength(5);
    for (const f of files) expect(f).toMatchObject({ state: 'submitted', version: 2, submitted: true, office_id: t.staff.offices.RAB });
    const ids = files.map((f: { id: string }) => f.id);
    expect(await count(`select count(*) as n from case_history where application_id = any($1)`, [ids])).toBe(10);
    expect(await count(`select count(*) as n from case_events where application_id = any($1) and type = 'application_received' and notification_id is not null`, [ids])).toBe(5);
    expect(await count(`select count(*) as n from notifications where application_id = any($1) and event = 'application.submitted'`, [ids])).toBe(5);
    expect(await count(`select count(*) as n from outbox_messages where job_name = 'letters.receipt' and payload->>'applicationId' = any($1)`, [ids])).toBe(5);
    expect(await count(`select count(*) as n from audit_events where action = 'case.registered_in_bulk' and application_id = any($1)`, [ids])).toBe(5);
    const phones = await t.dataSource.query(`select phone_enc from applicants p join applications a on a.applicant_id = p.id where a.id = $1`, [ids[2]]);
    expect(phones[0].phone_enc).toMatch(/^v1\./);

    // Receipts: once, by the uploader, with codes that open the files.
    expect((await t.app.inject({ method: 'POST', url: `/intake/batches/${batch.id}/receipts`, headers: await t.as(CW2_RABAT) })).json().code).toBe('INTAKE_RECEIPTS_NOT_YOURS');
    const receipts = await t.app.inject({ method: 'POST', url: `/intake/batches/${batch.id}/receipts`, headers: await t.as(CW_RABAT) });
    expect(receipts.statusCode).toBe(200);
    const rows = receipts.body.trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(5);
    for (const [i, [, reference, code]] of rows.entries()) {
      expect(reference).toBe(files[i].reference);
      expect(hashAccessCode(code!, t.config.crypto.accessCodeKey)).toBe(files[i].access_code_hash);
    }
    expect(rows[1]).toContain('محمد الحداد');
    const again = await t.app.inject({ method: 'POST', url: `/intake/batches/${batch.id}/receipts`, headers: await t.as(CW_RABAT) });
    expect(again.statusCode).toBe(410);
    expect(again.headers['content-type']).toMatch(/problem\+json/);
    expect(await count(`select count(*) as n from intake_results where batch_id = $1 and access_code_enc is not null`, [batch.id])).toBe(0);
  });

  it('refuses a header it does not understand, and an empty file, with problem+json', async () => {
    const res = await upload(Buffer.from('name,birth\nA,1990\n'));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'INTAKE_HEADER_INVALID', unknownColumns: ['name', 'birth'] });
    expect((await upload(Buffer.from(''))).json().code).toBe('INTAKE_EMPTY_FILE');
    expect((await upload(Buffer.from(`${HEADER}\n"unclosed,a,b\n`))).json().code).toBe('INTAKE_CSV_MALFORMED');
    expect(await count(`select count(*) as n from intake_rows r join intake_batches b on b.id = r.batch_id where b.file_sha256 is null`)).toBe(0);
  });

  it('sets aside rows that look like a registered person or an earlier line, instead of a second person', async () => {
    const existing = person(1, { latin: 'Mohamed Diallo', nat: 'SN', birth: '1985-03-04' });
    const reg = await t.app.inject({
      method: 'POST',
      url: '/applicants',
      headers: await t.as(CW_RABAT),
      payload: { latinName: existing.latin, birthDate: { year: 1985, month: 3, day: 4 }, nationality: 'SN', documents: [{ type: 'passport', number: existing.doc }], confirmNew: true },
    });
    expect(reg.statusCode).toBe(201);
    const existingId = reg.json().applicantId;
    const first = person(2);
    const rows = [
      first,
      { ...person(3), doc: existing.doc.toLowerCase() }, // same passport as the registered person, written differently
      person(4, { latin: 'Muhammad Dialo', arabic: '', nat: 'SN', birth: '1985-11-20' }), // same skeleton, nationality, year
      { ...person(5), doc: first.doc }, // same passport as line 2 of this file
      person(6),
    ];
    const res = await upload(csv(rows));
    expect(res.statusCode).toBe(202);
    const id = res.json().id;
    await importer.run(id);
    expect((await get(`/intake/batches/${id}`)).json().counts).toMatchObject({ staged: 5, imported: 2, forReview: 3 });
    const review = (await get(`/intake/batches/${id}/review`)).json();
    expect(review.map((r: { line: number }) => r.line)).toEqual([3, 4, 5]);
    expect(review[0]).toMatchObject({ candidateApplicantIds: [existingId], matchedOn: ['document_number'] });
    expect(review[1]).toMatchObject({ candidateApplicantIds: [existingId] });
    expect(review[1].matchedOn).toContain('name_key');
    expect(review[2]).toMatchObject({ candidateLines: [2], matchedOn: ['document_number'] });
    expect(await count(`select count(*) as n from applicant_identity_documents d join applicants p on p.id = d.applicant_id where p.created_by is not null and d.number_index = (select document_index from intake_rows where batch_id = $1 and line = 2)`, [id])).toBe(1);
  });

  it('answers the same file sent again with the first batch and imports nothing twice', async () => {
    const bytes = csv([person(10), person(11), person(12)]);
    const first = await upload(bytes);
    expect(first.statusCode).toBe(202);
    const second = await upload(bytes, SUP_RABAT);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ id: first.json().id, created: false });
    expect(await count(`select count(*) as n from intake_rows where batch_id = $1`, [first.json().id])).toBe(3);
    // Another office sending the same file is another batch.
    const casa = await upload(bytes, CW_CASA);
    expect(casa.statusCode).toBe(202);
    expect(casa.json().id).not.toBe(first.json().id);
  });

  it('resumes after a crash mid-import without doubling anything', async () => {
    const people = Array.from({ length: 25 }, (_, i) => person(100 + i));
    const res = await upload(csv(people));
    const id = res.json().id;
    const first = await importer.step(id, 10);
    expect(first).toMatchObject({ rows: 10, imported: 10, done: false });
    // A worker dies in the middle of the second chunk: everything it wrote rolls back with the transaction.
    const register = t.app.get(RegisterCampaignBatch);
    const before = await count(`select count(*) as n from applications`);
    await expect(
      t.dataSource.transaction(async (m) => {
        const [b] = await m.query(`select * from intake_batches where id = $1 for update`, [id]);
        const rows = await m.query(`select * from intake_rows where batch_id = $1 and line > $2 order by line limit 10`, [id, b.imported_through_line]);
        expect(rows).toHaveLength(10);
        await register.importChunk(m, {
          actor: { userId: b.uploaded_by, role: 'caseworker', officeId: b.office_id, regionCode: null, nationalCommission: false },
          officeId: b.office_id,
          batchId: id,
          criteriaVersion: b.criteria_version,
          rows: rows.map((r: Record<string, unknown>) => ({
            line: r.line, latinName: r.latin_name, arabicName: r.arabic_name, nameSkeleton: r.name_skeleton, birthYear: r.birth_year, birthDateEnc: r.birth_date_enc,
            sex: r.sex, nationality: r.nationality, phoneEnc: r.phone_enc, emailEnc: r.email_enc, preferredLanguage: r.preferred_language, documentType: r.document_type,
            documentNumberEnc: r.document_number_enc, documentIndex: r.document_index, issuingCountry: r.issuing_country, category: r.category,
          })),
        });
        expect(await m.query(`select count(*)::int as n from applications`)).toEqual([{ n: before + 10 }]);
        throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect(await count(`select count(*) as n from applications`)).toBe(before);
    // The job runs again (twice at once, as after a stalled job is taken over): each line is imported once.
    await Promise.all([importer.run(id), importer.run(id)]);
    const batch = (await get(`/intake/batches/${id}`)).json();
    expect(batch).toMatchObject({ status: 'completed', counts: { imported: 25, forReview: 0, pending: 0 } });
    expect(await count(`select count(*) as n from intake_results where batch_id = $1`, [id])).toBe(25);
    expect(await count(`select count(*) as n from applications a join intake_results r on r.application_id = a.id where r.batch_id = $1`, [id])).toBe(25);
    expect(await count(`select count(*) as n from applications`)).toBe(before + 15);
    expect(await count(`select count(*) as n from audit_events where action = 'case.registered_in_bulk' and details->>'intakeBatchId' = $1`, [id])).toBe(25);
    expect(await count(`select count(*) as n from audit_events where action = 'intake.batch_imported' and subject_id = $1`, [id])).toBe(1);
  });

  it('streams a large file (20,000 rows) and imports every row once', async () => {
    const people = Array.from({ length: 20000 }, (_, i) => person(1000 + i));
    const res = await upload(csv(people));
    expect(res.statusCode).toBe(202);
    const id = res.json().id;
    expect(res.json().counts).toMatchObject({ received: 20000, staged: 20000, invalid: 0 });
    await importer.run(id);
    const batch = (await get(`/intake/batches/${id}`)).json();
    expect(batch.status).toBe('completed');
    expect(batch.counts.imported + batch.counts.forReview).toBe(20000);
    // Random names of the same nationality and birth year sometimes sound alike (a Double Metaphone code has four
    // letters): a few percent, each with the person or line it looks like.
    expect(batch.counts.forReview).toBeLessThan(1000);
    expect(await count(`select count(*) as n from intake_results where batch_id = $1 and outcome = 'review' and cardinality(candidate_ids) + cardinality(candidate_lines) = 0`, [id])).toBe(0);
    expect(await count(`select count(distinct a.reference) as n from applications a join intake_results r on r.application_id = a.id where r.batch_id = $1`, [id])).toBe(batch.counts.imported);
  }, 300_000);

  it('refuses a file over the size limit with 413 and keeps nothing of it', async () => {
    const before = await count(`select count(*) as n from intake_batches`);
    const big = Buffer.concat([Buffer.from(HEADER + '\n'), Buffer.alloc(65 * 1024 * 1024, 'a')]);
    const res = await upload(big);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('INTAKE_FILE_TOO_LARGE');
    expect(await count(`select count(*) as n from intake_batches`)).toBe(before);
  }, 120_000);

  it("keeps a batch to its office's staff", async () => {
    const res = await upload(csv([person(50)]));
    const id = res.json().id;
    expect((await get(`/intake/batches/${id}`, CW_CASA)).statusCode).toBe(404);
    expect((await get(`/intake/batches/${id}/errors`, CW_CASA)).statusCode).toBe(404);
    expect((await get(`/intake/batches/${id}/review`, CW_CASA)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/intake/batches/${id}/receipts`, headers: await t.as(CW_CASA) })).statusCode).toBe(404);
    expect((await get(`/intake/batches`, CW_CASA)).json().map((b: { id: string }) => b.id)).not.toContain(id);
    expect((await get(`/intake/batches/${id}`, SUP_RABAT)).statusCode).toBe(200);
    expect((await get(`/intake/batches/${id}`, APPLICANT)).statusCode).toBe(403);
    expect((await upload(csv([person(51)]), APPLICANT)).statusCode).toBe(403);
  });
});
