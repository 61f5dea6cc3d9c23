import { HttpException } from '@nestjs/common';
import { DomainError } from './domain-error';
import { isUnavailableError, ProblemFilter } from './problem.filter';

describe('ProblemFilter', () => {
  const filter = new ProblemFilter();

  it('answers a domain error with its code, status, extra members and headers', () => {
    const { problem, headers } = filter.toProblem(new DomainError('CASES_VERSION_CONFLICT', 409, 'Conflict', 'changed', { currentVersion: 4 }, { ETag: '"4"' }));
    expect(problem).toMatchObject({ code: 'CASES_VERSION_CONFLICT', status: 409, title: 'Conflict', detail: 'changed', currentVersion: 4 });
    expect(problem.type).toContain('cases-version-conflict');
    expect(headers).toEqual({ ETag: '"4"' });
  });

  it('answers a lost database with 503 and Retry-After, not 500', () => {
    for (const err of [
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('Query runner already released.'), { name: 'QueryRunnerProviderAlreadyReleasedError' }),
      // As TypeORM raises it at COMMIT when the server ended the connection during the transaction (PostgreSQL restart).
      Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' }),
      new Error('Connection terminated unexpectedly'),
    ]) {
      expect(isUnavailableError(err)).toBe(true);
      const { problem, headers } = filter.toProblem(err);
      expect(problem.status).toBe(503);
      expect(headers['Retry-After']).toBe('5');
    }
  });

  it('answers anything else with 500, an error id and no internals', () => {
    const { problem } = filter.toProblem(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(problem.status).toBe(500);
    expect(problem.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(problem)).not.toContain('Cannot read');
  });

  it('keeps the status of framework HTTP errors', () => {
    expect(filter.toProblem(new HttpException('Not Found', 404)).problem).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
