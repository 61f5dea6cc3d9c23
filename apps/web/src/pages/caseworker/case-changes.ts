import type { ApplicationDetail, HistoryEntry } from '../../api/contract';

export interface CaseChanges {
  /** Fields whose value differs: name, what this screen showed, what the file holds now. */
  fields: { field: 'state' | 'assignee' | 'dueAt' | 'proposal'; before: string | null; after: string | null }[];
  /** History entries written since this screen loaded the file. */
  newHistory: HistoryEntry[];
}

/** What changed in a file between the version on screen and the one the API now holds (for the 409 dialog). */
export function describeChanges(before: ApplicationDetail, after: ApplicationDetail): CaseChanges {
  const fields: CaseChanges['fields'] = [];
  const cmp = (field: CaseChanges['fields'][number]['field'], a: string | null | undefined, b: string | null | undefined) => {
    if ((a ?? null) !== (b ?? null)) fields.push({ field, before: a ?? null, after: b ?? null });
  };
  cmp('state', before.state, after.state);
  cmp('assignee', before.assigneeId, after.assigneeId);
  cmp('dueAt', before.dueAt, after.dueAt);
  cmp('proposal', before.proposal?.outcome, after.proposal?.outcome);
  const newHistory = after.history.filter((h) => h.version > before.version);
  return { fields, newHistory };
}
