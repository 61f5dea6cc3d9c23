import { DomainError } from '@masar/errors';
import { classifyImportFailure, retriesSpent, rowRefusal } from './import-failure';

const pg = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error('query failed'), { code, ...extra });

describe('what stops an import for good', () => {
  it('retries a lost connection, a shutdown, a conflict or a timeout', () => {
    for (const code of ['08006', '57P01', '40001', '40P01', '55P03', '57014', '53300']) expect(classifyImportFailure(pg(code))).toMatchObject({ transient: true, code: 'INTAKE_IMPORT_UNAVAILABLE' });
    expect(classifyImportFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' })).transient).toBe(true);
    expect(classifyImportFailure(new Error('Connection terminated unexpectedly')).transient).toBe(true);
    // TypeORM's QueryFailedError carries the driver's error.
    expect(classifyImportFailure(Object.assign(new Error('x'), { driverError: { code: '08003' } })).transient).toBe(true);
  });
  it("fails at once on the cases context's refusal or PostgreSQL's, without a value of a row in the detail", () => {
    const refused = classifyImportFailure(new DomainError('CASES_UNKNOWN_CATEGORY', 422, 'Unknown category', 'Category "x" is not part of criteria MA-2016.'));
    expect(refused).toMatchObject({ transient: false, code: 'INTAKE_IMPORT_REFUSED' });
    expect(refused.detail).toContain('CASES_UNKNOWN_CATEGORY');
    const rejected = classifyImportFailure(pg('23505', { constraint: 'applications_reference_key', detail: 'Key (reference)=(MA-1234) already exists.' }));
    expect(rejected).toMatchObject({ transient: false, code: 'INTAKE_IMPORT_DATA_REJECTED' });
    expect(rejected.detail).toContain('applications_reference_key');
    expect(rejected.detail).not.toContain('MA-1234');
  });
  it('retries an error of unknown kind, and says how often it was tried once the retries are spent', () => {
    const f = classifyImportFailure(new TypeError('cannot read x'));
    expect(f).toMatchObject({ transient: true, code: 'INTAKE_IMPORT_ERROR' });
    expect(retriesSpent(f, 8)).toMatchObject({ transient: false, code: 'INTAKE_IMPORT_ERROR', detail: expect.stringContaining('Tried 8 times') });
  });
  it("takes a refusal of the cases context or PostgreSQL's over a value or a constraint for a row's, with codes only", () => {
    expect(rowRefusal(new DomainError('CASES_UNKNOWN_CATEGORY', 422, 'Unknown category', 'Category "x" is not part of criteria MA-2016.'))).toEqual({
      code: 'IMPORT_REFUSED',
      reason: 'CASES_UNKNOWN_CATEGORY: Unknown category',
    });
    const check = rowRefusal(Object.assign(new Error('x'), { driverError: { code: '23514', constraint: 'applicants_sex_check', detail: 'Failing row contains (Jean Dupont, x).' } }));
    expect(check).toEqual({ code: 'IMPORT_DATA_REJECTED', reason: 'PostgreSQL 23514, applicants_sex_check' });
    expect(rowRefusal(pg('22001'))).toEqual({ code: 'IMPORT_DATA_REJECTED', reason: 'PostgreSQL 22001' });
    // A table missing, a lost connection, a timeout, an unknown error: the batch's, whatever its rows.
    for (const err of [pg('42P01'), pg('08006'), pg('57014'), new TypeError('cannot read x'), new Error('Connection terminated unexpectedly')]) expect(rowRefusal(err)).toBeNull();
  });
});
