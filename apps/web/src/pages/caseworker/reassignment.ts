import { isProblem } from '../../api/problem';

/** A file as the reassignment needs it: who holds it, at which office, at which version. */
export interface FileToReassign {
  id: string;
  reference: string;
  /** The office that holds the file (the appeal body's for a file before it). */
  officeId: string;
  assigneeId: string | null;
  version: number;
}

export interface StaffMember {
  id: string;
  displayName: string;
  role: 'caseworker' | 'supervisor';
}

/** The one office the files are held by; null when they are held by several (staff differ from office to office). */
export function holdingOffice(files: readonly FileToReassign[]): string | null {
  const offices = new Set(files.map((f) => f.officeId));
  return offices.size === 1 ? [...offices][0]! : null;
}

/**
 * Whom the files may go to: the office's staff, caseworkers first, without the person who already holds every one
 * of them (giving a file to its holder changes nothing).
 */
export function assigneeChoices(staff: readonly StaffMember[], files: readonly FileToReassign[]): StaffMember[] {
  const holders = new Set(files.map((f) => f.assigneeId));
  const onlyHolder = holders.size === 1 ? [...holders][0] : undefined;
  return staff
    .filter((s) => s.id !== onlyHolder)
    .sort((a, b) => (a.role === b.role ? a.displayName.localeCompare(b.displayName) : a.role === 'caseworker' ? -1 : 1));
}

export interface ReassignOutcome {
  done: FileToReassign[];
  /** Files refused, with the problem: a 409 means the file changed since the list was loaded. */
  refused: { file: FileToReassign; error: unknown; changed: boolean }[];
}

/**
 * Reassigns the files one by one, each at the version the supervisor saw, so that a file changed meanwhile is refused
 * (409) instead of being taken from whoever acted on it; the others go through. Never throws: every refusal is told.
 */
export async function reassignFiles(
  files: readonly FileToReassign[],
  assigneeId: string,
  reason: string,
  put: (file: FileToReassign, body: { assigneeId: string; reason: string; expectedVersion: number }) => Promise<unknown>,
): Promise<ReassignOutcome> {
  const outcome: ReassignOutcome = { done: [], refused: [] };
  for (const file of files) {
    try {
      await put(file, { assigneeId, reason: reason.trim(), expectedVersion: file.version });
      outcome.done.push(file);
    } catch (error) {
      outcome.refused.push({ file, error, changed: isProblem(error, 409) });
    }
  }
  return outcome;
}
