import { buildChecklist, documentsAnswer, type ChecklistDocument } from './checklist';
import { requiredDocuments } from './checklist-rules';

let seq = 0;
const doc = (kind: ChecklistDocument['kind'], status: ChecklistDocument['status'], minutesAgo: number, reason: string | null = null): ChecklistDocument => ({
  id: `d${++seq}`,
  kind,
  status,
  rejectionReason: reason,
  rejectionDetail: reason ? `because ${reason}` : null,
  uploadedAt: new Date(Date.UTC(2017, 5, 15, 12, 0) - minutesAgo * 60_000),
});

const required = requiredDocuments('regularisation', 'residence_five_years');
const statusOf = (c: ReturnType<typeof buildChecklist>, kind: string) => c.items.find((i) => i.kind === kind)!;

describe('the checklist of a file', () => {
  it('lists every required document as missing for an empty file, and is not complete', () => {
    const c = buildChecklist(required, []);
    expect(c.items.map((i) => `${i.kind}:${i.status}`)).toEqual(['identity_document:missing', 'photo:missing', 'proof_of_residence:missing']);
    expect(c.complete).toBe(false);
    expect(documentsAnswer(c)).toEqual({ missing: ['identity_document', 'photo', 'proof_of_residence'], unverified: [] });
  });

  it('one verified upload satisfies a kind even after rejected ones', () => {
    const c = buildChecklist(required, [doc('photo', 'rejected', 30, 'image_too_small'), doc('photo', 'verified', 10)]);
    expect(statusOf(c, 'photo')).toMatchObject({ status: 'verified', reason: null });
  });

  it('an upload still being checked (or in review) keeps the kind pending, not rejected', () => {
    const c = buildChecklist(required, [doc('photo', 'rejected', 30, 'image_too_small'), doc('photo', 'in_review', 5)]);
    expect(statusOf(c, 'photo')).toMatchObject({ status: 'pending_check', inReview: true });
  });

  it('when every upload was rejected, shows the reason of the latest', () => {
    const c = buildChecklist(required, [doc('identity_document', 'rejected', 60, 'pdf_encrypted'), doc('identity_document', 'rejected', 5, 'hash_mismatch')]);
    expect(statusOf(c, 'identity_document')).toMatchObject({ status: 'rejected', reason: 'hash_mismatch' });
    expect(documentsAnswer(c).unverified).toEqual(['identity_document']);
  });

  it('is complete when every required kind is verified, whatever optional documents say', () => {
    const c = buildChecklist(required, [
      doc('identity_document', 'verified', 3),
      doc('photo', 'verified', 2),
      doc('proof_of_residence', 'verified', 1),
      doc('work_contract', 'rejected', 1, 'pdf_no_pages'),
    ]);
    expect(c.complete).toBe(true);
    expect(statusOf(c, 'work_contract')).toMatchObject({ required: false, status: 'rejected' });
    expect(documentsAnswer(c)).toEqual({ missing: [], unverified: [] });
  });

  it('an asylum file is complete with a photo alone (the identity document is optional)', () => {
    expect(buildChecklist(requiredDocuments('asylum', null), [doc('photo', 'verified', 1)]).complete).toBe(true);
  });

  it('asks for the dates the category checks: the expiry of the identity document, the date of a proof, none for a photo', () => {
    const dates = (c: ReturnType<typeof buildChecklist>) => Object.fromEntries(c.items.map((i) => [i.kind, i.datesNeeded]));
    expect(dates(buildChecklist(required, []))).toEqual({ identity_document: ['expiresOn'], photo: [], proof_of_residence: ['issuedOn'] });
    // A work contract is checked for its content, not its date; a renewal's certificates must be recent.
    expect(dates(buildChecklist(requiredDocuments('regularisation', 'work_contract'), []))).toMatchObject({ work_contract: [], proof_of_entry: [] });
    expect(dates(buildChecklist(requiredDocuments('renewal', null), []))).toMatchObject({ proof_of_address: ['issuedOn'], medical_certificate: ['issuedOn'] });
  });
});
