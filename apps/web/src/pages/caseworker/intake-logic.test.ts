import { describe, expect, it } from 'vitest';
import { attachCandidates, decisionReady, filesCreated, importPercent, parseRowProblems, statusColor } from './intake-logic';

describe('the errors file of a batch', () => {
  it('reads line, column and code by their header, with quotes and a byte-order mark', () => {
    const csv = '\uFEFFline,column,code\r\n3,birth_date,BIRTH_DATE_INVALID\r\n7,"latin_name,arabic_name",NAME_MISSING\r\n\r\n';
    expect(parseRowProblems(csv)).toEqual([
      { line: 3, column: 'birth_date', code: 'BIRTH_DATE_INVALID' },
      { line: 7, column: 'latin_name,arabic_name', code: 'NAME_MISSING' },
    ]);
  });
  it('takes the columns in the order the header gives', () => {
    expect(parseRowProblems('code,line\nROW_MALFORMED,12\n')).toEqual([{ line: 12, column: '', code: 'ROW_MALFORMED' }]);
  });
  it('gives nothing for an empty file or one without the expected header', () => {
    expect(parseRowProblems('')).toEqual([]);
    expect(parseRowProblems('a,b\n1,2\n')).toEqual([]);
  });
});

describe('import progress', () => {
  it('never shows 100% before the batch is completed', () => {
    expect(importPercent({ status: 'importing', progress: 0.999 })).toBe(99);
    expect(importPercent({ status: 'importing', progress: 1 })).toBe(99);
    expect(importPercent({ status: 'importing', progress: 0.4 })).toBe(40);
    expect(importPercent({ status: 'completed', progress: 1 })).toBe(100);
  });
});

describe('decisions on rows set aside', () => {
  it('asks a reason of a few words to register anyway or to discard, a person to attach to', () => {
    expect(decisionReady(null, 'a long enough reason', null)).toBe(false);
    expect(decisionReady('register_new', '  abc ', null)).toBe(false);
    expect(decisionReady('register_new', 'Another village', null)).toBe(true);
    expect(decisionReady('discard', 'Listed twice', null)).toBe(true);
    expect(decisionReady('attach', '', null)).toBe(false);
    expect(decisionReady('attach', '', 'p1')).toBe(true);
  });
  it('offers the persons found, then those earlier lines became, each once', () => {
    expect(attachCandidates({ candidateApplicantIds: ['a', 'b'], earlierLineApplicantIds: ['b', 'c'] })).toEqual(['a', 'b', 'c']);
  });
  it('counts the files decided after review with the receipts, and colours a failed batch', () => {
    expect(filesCreated({ counts: { received: 9, invalid: 0, staged: 9, imported: 5, forReview: 4, pending: 0, reviewRegistered: 1, reviewAttached: 2, reviewDiscarded: 1, reviewOpen: 0 } })).toBe(8);
    expect(statusColor('failed')).toBe('red');
    expect(statusColor('completed')).toBe('green');
  });
});
