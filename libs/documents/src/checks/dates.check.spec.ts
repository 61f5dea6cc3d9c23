import { requiredDocuments, ruleFor } from '../checklist/checklist-rules';

const RELAXED_2016 = { spouseOfMoroccanMinYears: 0, spouseOfForeignerMinYears: 0, residenceMinYears: 5, illnessPresentBefore: '2015-12-31' };
import { addMonths, checkDates, isCalendarDay } from './dates.check';

const ctx = { today: '2017-06-15', applicationDate: '2017-03-01' };

describe('dates a category needs', () => {
  it('flags an identity document that expired before the check, and passes one still valid', () => {
    const rule = ruleFor('regularisation', 'residence_five_years', 'identity_document')!.dateRule;
    expect(checkDates(rule, { issuedOn: '2010-01-01', expiresOn: '2017-06-14' }, ctx)).toMatchObject({
      outcome: 'flagged',
      reason: 'identity_document_expired',
    });
    expect(checkDates(rule, { issuedOn: '2010-01-01', expiresOn: '2017-06-15' }, ctx).outcome).toBe('passed');
  });

  it('continuous residence: proof of residence must be at least 5 years older than the application', () => {
    const rule = ruleFor('regularisation', 'residence_five_years', 'proof_of_residence')!.dateRule;
    expect(checkDates(rule, { issuedOn: '2012-03-01', expiresOn: null }, ctx).outcome).toBe('passed');
    expect(checkDates(rule, { issuedOn: '2012-03-02', expiresOn: null }, ctx)).toMatchObject({ outcome: 'flagged', reason: 'document_too_recent' });
  });

  it('serious illness: presence proven on or before 31 December 2013', () => {
    const rule = ruleFor('regularisation', 'serious_illness', 'proof_of_residence')!.dateRule;
    expect(checkDates(rule, { issuedOn: '2013-12-31', expiresOn: null }, ctx).outcome).toBe('passed');
    expect(checkDates(rule, { issuedOn: '2014-01-01', expiresOn: null }, ctx)).toMatchObject({ reason: 'document_too_recent' });
  });

  it('spouse of a Moroccan: a marriage of at least 2 years', () => {
    const rule = ruleFor('regularisation', 'spouse_of_moroccan', 'marriage_certificate')!.dateRule;
    expect(checkDates(rule, { issuedOn: '2015-03-01', expiresOn: null }, ctx).outcome).toBe('passed');
    expect(checkDates(rule, { issuedOn: '2016-01-10', expiresOn: null }, ctx).outcome).toBe('flagged');
  });

  it('under the relaxed 2016 criteria a marriage of any length will do, and illness counts from before 2016', () => {
    expect(ruleFor('regularisation', 'spouse_of_foreigner', 'marriage_certificate', RELAXED_2016)!.dateRule).toBeUndefined();
    const illness = ruleFor('regularisation', 'serious_illness', 'proof_of_residence', RELAXED_2016)!.dateRule;
    expect(checkDates(illness, { issuedOn: '2015-06-01', expiresOn: null }, ctx).outcome).toBe('passed');
  });

  it('renewal: a proof of address older than 3 months is flagged as too old', () => {
    const rule = ruleFor('renewal', null, 'proof_of_address')!.dateRule;
    expect(checkDates(rule, { issuedOn: '2017-03-15', expiresOn: null }, ctx).outcome).toBe('passed');
    expect(checkDates(rule, { issuedOn: '2017-03-14', expiresOn: null }, ctx)).toMatchObject({ reason: 'document_too_old' });
  });

  it('flags a missing date the rule needs, and a date in the future', () => {
    const rule = ruleFor('renewal', null, 'proof_of_address')!.dateRule;
    expect(checkDates(rule, { issuedOn: null, expiresOn: null }, ctx)).toMatchObject({ reason: 'issue_date_missing' });
    expect(checkDates(rule, { issuedOn: '2017-07-01', expiresOn: null }, ctx)).toMatchObject({ reason: 'document_dated_in_future' });
  });

  it('a document kind without a date rule passes whatever its dates', () => {
    expect(checkDates(undefined, { issuedOn: null, expiresOn: '1990-01-01' }, ctx).outcome).toBe('passed');
  });
});

describe('calendar arithmetic', () => {
  it('clamps the end of a month and crosses years', () => {
    expect(addMonths('2017-05-31', -3)).toBe('2017-02-28');
    expect(addMonths('2016-05-31', -3)).toBe('2016-02-29');
    expect(addMonths('2017-03-01', -60)).toBe('2012-03-01');
    expect(addMonths('2017-11-15', 2)).toBe('2018-01-15');
  });

  it('accepts only real calendar days', () => {
    expect(isCalendarDay('2016-02-29')).toBe(true);
    expect(isCalendarDay('2017-02-29')).toBe(false);
    expect(isCalendarDay('15/06/2017')).toBe(false);
  });
});

describe('checklist per kind and category', () => {
  const kinds = (k: Parameters<typeof requiredDocuments>[0], c: string | null) =>
    requiredDocuments(k, c).filter((r) => r.required).map((r) => r.kind);

  it('asks a spouse for a marriage certificate and a worker for a contract', () => {
    expect(kinds('regularisation', 'spouse_of_moroccan')).toContain('marriage_certificate');
    expect(kinds('regularisation', 'work_contract')).toContain('work_contract');
    expect(kinds('regularisation', 'work_contract')).not.toContain('marriage_certificate');
  });

  it('gives an unlisted regularisation category the common core', () => {
    expect(kinds('regularisation', 'unaccompanied_minor')).toEqual(['identity_document', 'photo', 'proof_of_entry']);
  });

  it('never requires an identity document from an asylum seeker', () => {
    expect(kinds('asylum', null)).toEqual(['photo']);
  });

  it('asks a renewal for the four documents of renewal', () => {
    expect(kinds('renewal', null)).toEqual(
      expect.arrayContaining(['proof_of_address', 'criminal_record_extract', 'medical_certificate', 'proof_of_means']),
    );
  });
});
