import type { CaseKind, Outcome } from './workflow-definition';

/** What the transition engine needs to know about a file: no entity, no personal data. */
export interface CaseSnapshot {
  id: string;
  kind: CaseKind;
  state: string;
  officeId: string;
  version: number;
  assigneeId: string | null;
  /** The applicant's own user account, when one is linked (applicants act on their own files only). */
  applicantUserId: string | null;
  /** The decision a caseworker proposed and a supervisor has yet to confirm. */
  proposal: { outcome: Outcome; proposedBy: string } | null;
  /** Everyone who took part in the first decision (proposer and confirmer): none of them may decide the appeal. */
  firstDecision: { outcome: Outcome; deciders: string[] } | null;
  interviewHeldAt: string | null;
}

/** Who acts, as the engine sees it. */
export interface ActingUser {
  userId: string;
  role: 'caseworker' | 'supervisor' | 'admin' | 'applicant' | 'system';
}

/**
 * The files an actor may see and act on. Structurally the identity context's case scope: an office list, the
 * files before the appeal body, everything (system), or nothing (an administrator reads no case file).
 */
export type CaseAccessScope =
  | { kind: 'none' }
  | { kind: 'offices'; officeIds: string[] }
  | { kind: 'appeals'; officeId: string }
  | { kind: 'all' };

export interface TransitionInput {
  reason?: string | null;
  data?: Record<string, unknown>;
}

/** The documents context's answer (or, until it exists, the checklist recorded on the file). */
export interface DocumentsAnswer {
  missing: string[];
  unverified: string[];
}
