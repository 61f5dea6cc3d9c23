import type { Actor, CaseScope } from '@masar/access';
import type { FileForDocuments } from '../cases-port/case-files.port';
import { mayRead, mayUpload } from './document-access';

const file: FileForDocuments = {
  applicationId: 'a1',
  personId: 'p1',
  officeId: 'rabat',
  applicantUserId: 'u-applicant',
  kind: 'regularisation',
  category: 'residence_five_years',
  applicationDate: '2017-03-01',
  beforeAppealBody: false,
};
const actor = (role: Actor['role'], userId = 'u1'): Actor => ({ userId, role, officeId: 'rabat', regionCode: 'RSK', nationalCommission: false });
const rabat: CaseScope = { kind: 'offices', officeIds: ['rabat'] };
const casablanca: CaseScope = { kind: 'offices', officeIds: ['casablanca'] };

describe('who may upload and read the documents of a file', () => {
  it('the caseworker of the office may do both; of another office, neither', () => {
    expect([mayUpload(actor('caseworker'), rabat, file), mayRead(actor('caseworker'), rabat, file)]).toEqual([true, true]);
    expect([mayUpload(actor('caseworker'), casablanca, file), mayRead(actor('caseworker'), casablanca, file)]).toEqual([false, false]);
  });

  it('the applicant, on their own file only', () => {
    expect(mayUpload(actor('applicant', 'u-applicant'), { kind: 'none' }, file)).toBe(true);
    expect(mayRead(actor('applicant', 'u-other'), { kind: 'none' }, file)).toBe(false);
    expect(mayRead(actor('applicant', 'u-applicant'), { kind: 'none' }, { ...file, applicantUserId: null })).toBe(false);
  });

  it('a supervisor reads the region, uploads nothing; an admin reads nothing', () => {
    expect([mayRead(actor('supervisor'), rabat, file), mayUpload(actor('supervisor'), rabat, file)]).toEqual([true, false]);
    expect(mayRead(actor('admin'), { kind: 'all' }, file)).toBe(false);
  });

  it('the national commission reads a file only once it is before them', () => {
    const appeals: CaseScope = { kind: 'appeals', officeId: 'cnr' };
    expect(mayRead(actor('caseworker'), appeals, file)).toBe(false);
    expect(mayRead(actor('caseworker'), appeals, { ...file, beforeAppealBody: true })).toBe(true);
  });
});
