/**
 * Which case files an actor may see. A caseworker sees their office; a supervisor their office or, for a regional
 * supervisor, the offices of the region; the national commission what was appealed to it; an admin manages users
 * but reads no case files; the system sees everything. Applicants reach their own files by ownership, not scope.
 */
export type CaseScope =
  | { kind: 'none' }
  | { kind: 'offices'; officeIds: string[] }
  | { kind: 'appeals'; officeId: string }
  | { kind: 'all' };
