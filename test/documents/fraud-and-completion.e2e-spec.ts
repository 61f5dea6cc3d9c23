import type { CheckDocument } from '@masar/documents';
import { CASEWORKER_RABAT, createDocumentsTestApp, type DocumentsTestApp } from './support/documents-test-app';
import { checkerFor } from './support/checker';
import { image, pdfWithPages } from './fixtures';

/**
 * What only shows across documents: the same file under two people, and a checklist becoming complete. The check is
 * called directly, no job goes through a queue, so one queue backend is enough (check-job.e2e-spec.ts runs the job on both).
 */
describe('duplicates and complete checklists', () => {
  let t: DocumentsTestApp;
  let check: CheckDocument;
  const TODAY = '2017-06-15';

  beforeAll(async () => {
    t = await createDocumentsTestApp();
    check = checkerFor(t, null);
  });
  afterAll(() => t.close());

  async function upload(applicationId: string, bytes: Buffer, query: Record<string, string>, name = 'scan.pdf'): Promise<string> {
    const res = await t.upload(CASEWORKER_RABAT, applicationId, bytes, query, name);
    if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
    return res.json().id;
  }

  it('flags the same file submitted for another person for fraud review', async () => {
    const lease = await pdfWithPages(3);
    const first = t.files.add({ officeId: t.staff.offices.RAB! });
    const second = t.files.add({ officeId: t.staff.offices.RAB! });
    const a = await upload(first.applicationId, lease, { kind: 'proof_of_residence', issuedOn: '2011-01-01' });
    const b = await upload(second.applicationId, lease, { kind: 'proof_of_residence', issuedOn: '2011-01-01' });
    // The first was checked before the second arrived; the second finds the first.
    expect(await check.execute(a, TODAY)).toMatchObject({ verdict: 'verified' });
    expect(await check.execute(b, TODAY)).toMatchObject({ verdict: 'in_review' });
    const flags = await t.dataSource.query(`select document_id, application_id, reason, other_document_id from document_fraud_flags`);
    expect(flags).toEqual([{ document_id: b, application_id: second.applicationId, reason: 'same_file_other_person', other_document_id: a }]);
  });

  it('does not flag the same person sending the same file to two of their files', async () => {
    const lease = await pdfWithPages(4);
    const first = t.files.add({ officeId: t.staff.offices.RAB! });
    const renewal = t.files.add({ officeId: t.staff.offices.RAB!, personId: first.personId });
    const a = await upload(first.applicationId, lease, { kind: 'proof_of_residence', issuedOn: '2011-01-01' });
    const b = await upload(renewal.applicationId, lease, { kind: 'proof_of_residence', issuedOn: '2011-01-01' });
    await check.execute(a, TODAY);
    expect(await check.execute(b, TODAY)).toMatchObject({ verdict: 'verified' });
  });

  it('moves a file awaiting documents on by itself when its last required document is verified', async () => {
    const file = t.files.add({ officeId: t.staff.offices.RAB!, category: 'residence_five_years', state: 'awaiting_documents' });
    const ids = [
      await upload(file.applicationId, await pdfWithPages(1), { kind: 'identity_document', expiresOn: '2025-01-01' }),
      await upload(file.applicationId, await image('jpeg', 600, 800), { kind: 'photo' }, 'photo.jpg'),
    ];
    for (const id of ids) expect(await check.execute(id, TODAY)).toMatchObject({ verdict: 'verified', fileMovedOn: false });
    expect(t.files.files.get(file.applicationId)!.state).toBe('awaiting_documents');

    const last = await upload(file.applicationId, await pdfWithPages(2), { kind: 'proof_of_residence', issuedOn: '2011-05-01' });
    expect(await check.execute(last, TODAY)).toMatchObject({ verdict: 'verified', fileMovedOn: true });
    expect(t.files.files.get(file.applicationId)!.state).toBe('completeness_check');
    const res = await t.app.inject({ method: 'GET', url: `/applications/${file.applicationId}/documents`, headers: await t.as(CASEWORKER_RABAT) });
    expect(res.json()).toMatchObject({ complete: true });
  });

  it('checks finishing at the same moment still move the file on exactly once', async () => {
    const file = t.files.add({ officeId: t.staff.offices.RAB!, category: 'residence_five_years', state: 'awaiting_documents' });
    const ids = [
      await upload(file.applicationId, await pdfWithPages(5), { kind: 'identity_document', expiresOn: '2025-01-01' }),
      await upload(file.applicationId, await image('png', 600, 800), { kind: 'photo' }, 'photo.png'),
      await upload(file.applicationId, await pdfWithPages(6), { kind: 'proof_of_residence', issuedOn: '2011-05-01' }),
    ];
    const outcomes = await Promise.all(ids.map((id) => check.execute(id, TODAY)));
    expect(outcomes.filter((o) => o.result === 'recorded' && o.fileMovedOn)).toHaveLength(1);
    expect(t.files.moves.filter((m) => m === file.applicationId)).toHaveLength(1);
  });

  it('when the cases context refuses to move the file on, the check result is still recorded and the job succeeds', async () => {
    const file = t.files.add({ officeId: t.staff.offices.RAB!, category: 'residence_five_years', state: 'awaiting_documents' });
    const ids = [
      await upload(file.applicationId, await pdfWithPages(1), { kind: 'identity_document', expiresOn: '2025-01-01' }),
      await upload(file.applicationId, await image('jpeg', 600, 800), { kind: 'photo' }, 'photo.jpg'),
    ];
    for (const id of ids) await check.execute(id, TODAY);
    const last = await upload(file.applicationId, await pdfWithPages(1), { kind: 'proof_of_residence', issuedOn: '2011-05-01' });
    t.files.refuseMoves = true;
    try {
      expect(await check.execute(last, TODAY)).toMatchObject({ result: 'recorded', verdict: 'verified', fileMovedOn: false });
    } finally {
      t.files.refuseMoves = false;
    }
    const [{ status }] = await t.dataSource.query(`select status from documents where id = $1`, [last]);
    expect(status).toBe('verified');
    expect(t.files.files.get(file.applicationId)!.state).toBe('awaiting_documents');
  });

  it('a rejected document keeps the file waiting, and a good replacement completes it', async () => {
    const file = t.files.add({ officeId: t.staff.offices.RAB!, category: 'residence_five_years', state: 'awaiting_documents' });
    for (const [bytes, q, name] of [
      [await pdfWithPages(7), { kind: 'identity_document', expiresOn: '2025-01-01' }, 'id.pdf'],
      [await pdfWithPages(8), { kind: 'proof_of_residence', issuedOn: '2011-05-01' }, 'lease.pdf'],
    ] as const) {
      await check.execute(await upload(file.applicationId, bytes, q, name), TODAY);
    }
    await check.execute(await upload(file.applicationId, await image('jpeg', 100, 120), { kind: 'photo' }, 'small.jpg'), TODAY);
    expect(t.files.files.get(file.applicationId)!.state).toBe('awaiting_documents');
    let res = await t.app.inject({ method: 'GET', url: `/applications/${file.applicationId}/documents`, headers: await t.as(CASEWORKER_RABAT) });
    expect(res.json().items.find((i: { kind: string }) => i.kind === 'photo')).toMatchObject({ status: 'rejected', reason: 'image_too_small' });

    const replacement = await upload(file.applicationId, await image('jpeg', 600, 800), { kind: 'photo' }, 'better.jpg');
    expect(await check.execute(replacement, TODAY)).toMatchObject({ fileMovedOn: true });
    res = await t.app.inject({ method: 'GET', url: `/applications/${file.applicationId}/documents`, headers: await t.as(CASEWORKER_RABAT) });
    expect(res.json().items.find((i: { kind: string }) => i.kind === 'photo')).toMatchObject({ status: 'verified', documentIds: [replacement, expect.any(String)] });
  });

  it('a caseworker verifies a flagged document on review, which completes the checklist and moves the file on', async () => {
    const file = t.files.add({ officeId: t.staff.offices.RAB!, category: 'residence_five_years', state: 'awaiting_documents' });
    await check.execute(await upload(file.applicationId, await image('jpeg', 600, 800), { kind: 'photo' }, 'photo.jpg'), TODAY);
    await check.execute(await upload(file.applicationId, await pdfWithPages(1), { kind: 'proof_of_residence', issuedOn: '2011-05-01' }), TODAY);
    // An expired passport: flagged, not rejected; the file waits for a person.
    const passport = await upload(file.applicationId, await pdfWithPages(1), { kind: 'identity_document', expiresOn: '2015-01-01' });
    expect(await check.execute(passport, TODAY)).toMatchObject({ verdict: 'in_review', fileMovedOn: false });
    expect(t.files.files.get(file.applicationId)!.state).toBe('awaiting_documents');

    const review = (body: object, who = CASEWORKER_RABAT) =>
      t.as(who).then((headers) => t.app.inject({ method: 'POST', url: `/documents/${passport}/review`, headers, payload: body }));
    expect((await review({ decision: 'reject', reason: 'too short' })).statusCode).toBe(422);
    expect((await review({ decision: 'verify' }, 'caseworker.casablanca@masar.example')).statusCode).toBe(404);
    const res = await review({ decision: 'verify' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'verified', fileMovedOn: true });
    expect(t.files.files.get(file.applicationId)!.state).toBe('completeness_check');
    // Decided once: a second review finds nothing to review.
    expect((await review({ decision: 'verify' })).statusCode).toBe(409);
    const audit = await t.dataSource.query(`select actor_id from audit_events where action = 'document.review' and subject_id = $1`, [passport]);
    expect(audit).toEqual([{ actor_id: t.staff.users[CASEWORKER_RABAT] }]);
  });

  it('rejecting a flagged duplicate on review closes its fraud flag and shows the reason on the checklist', async () => {
    const lease = await pdfWithPages(2);
    const first = t.files.add({ officeId: t.staff.offices.RAB! });
    const second = t.files.add({ officeId: t.staff.offices.RAB! });
    await check.execute(await upload(first.applicationId, lease, { kind: 'proof_of_residence', issuedOn: '2011-01-01' }), TODAY);
    const copy = await upload(second.applicationId, lease, { kind: 'proof_of_residence', issuedOn: '2011-01-01' });
    await check.execute(copy, TODAY);
    const res = await t.app.inject({
      method: 'POST',
      url: `/documents/${copy}/review`,
      headers: await t.as(CASEWORKER_RABAT),
      payload: { decision: 'reject', reason: 'This lease belongs to another applicant; bring your own.' },
    });
    expect(res.json()).toEqual({ status: 'rejected', fileMovedOn: false });
    expect(await t.dataSource.query(`select resolved_by from document_fraud_flags where document_id = $1`, [copy])).toEqual([
      { resolved_by: t.staff.users[CASEWORKER_RABAT] },
    ]);
    const list = await t.app.inject({ method: 'GET', url: `/applications/${second.applicationId}/documents`, headers: await t.as(CASEWORKER_RABAT) });
    expect(list.json().items.find((i: { kind: string }) => i.kind === 'proof_of_residence')).toMatchObject({
      status: 'rejected',
      reason: 'rejected_on_review',
      detail: 'This lease belongs to another applicant; bring your own.',
    });
  });
});
