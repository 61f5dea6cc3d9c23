import type { CaseSnapshot } from '../domain/workflow/case-snapshot';
import type { Application } from './application.entity';

/** The engine's view of a file row (plus the applicant's account, read with it). */
export function snapshotOf(a: Application, applicantUserId: string | null): CaseSnapshot {
  return {
    id: a.id,
    kind: a.kind,
    state: a.state,
    officeId: a.officeId,
    version: a.version,
    assigneeId: a.assigneeId,
    applicantUserId,
    proposal: a.proposal ? { outcome: a.proposal.outcome, proposedBy: a.proposal.proposedBy } : null,
    firstDecision: a.firstDecision ? { outcome: a.firstDecision.outcome, deciders: a.firstDecision.deciders } : null,
    interviewHeldAt: a.interviewHeldAt ? a.interviewHeldAt.toISOString() : null,
  };
}

