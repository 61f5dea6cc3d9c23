import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem';
import { assigneeChoices, holdingOffice, reassignFiles, type FileToReassign, type StaffMember } from './reassignment';

const file = (id: string, over: Partial<FileToReassign> = {}): FileToReassign => ({ id, reference: `MA-${id}`, officeId: 'rab', assigneeId: 'youssef', version: 3, ...over });
const staff: StaffMember[] = [
  { id: 'karim', displayName: 'Karim', role: 'supervisor' },
  { id: 'youssef', displayName: 'Youssef', role: 'caseworker' },
  { id: 'salma', displayName: 'Salma', role: 'caseworker' },
];

describe('reassignment', () => {
  it('names the one office holding the files, or none when they are spread over several', () => {
    expect(holdingOffice([file('a'), file('b')])).toBe('rab');
    expect(holdingOffice([file('a'), file('b', { officeId: 'sal' })])).toBeNull();
    expect(holdingOffice([])).toBeNull();
  });

  it('offers caseworkers first, by name, without the one person already holding every file', () => {
    expect(assigneeChoices(staff, [file('a'), file('b')]).map((s) => s.id)).toEqual(['salma', 'karim']);
    // Held by two people: either may receive the other's file.
    expect(assigneeChoices(staff, [file('a'), file('b', { assigneeId: 'salma' })]).map((s) => s.id)).toEqual(['salma', 'youssef', 'karim']);
  });

  it('sends each file at the version seen, keeps going past a refusal, and tells which changed meanwhile', async () => {
    const sent: unknown[] = [];
    const outcome = await reassignFiles([file('a', { version: 4 }), file('b'), file('c')], 'salma', '  on leave  ', async (f, body) => {
      sent.push({ id: f.id, ...body });
      if (f.id === 'b') throw new ApiProblem(409, { code: 'CASES_VERSION_CONFLICT', detail: 'changed' });
      if (f.id === 'c') throw new ApiProblem(422, { code: 'CASES_ASSIGNEE_INVALID' });
    });
    expect(sent).toEqual([
      { id: 'a', assigneeId: 'salma', reason: 'on leave', expectedVersion: 4 },
      { id: 'b', assigneeId: 'salma', reason: 'on leave', expectedVersion: 3 },
      { id: 'c', assigneeId: 'salma', reason: 'on leave', expectedVersion: 3 },
    ]);
    expect(outcome.done.map((f) => f.id)).toEqual(['a']);
    expect(outcome.refused.map((r) => [r.file.id, r.changed])).toEqual([
      ['b', true],
      ['c', false],
    ]);
  });
});
