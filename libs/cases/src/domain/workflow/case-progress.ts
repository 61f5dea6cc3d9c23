import type { ActingUser, CaseSnapshot } from './case-snapshot';
import type { TransitionPlan } from './workflow-engine';

/**
 * The file's decision memory after a transition: who proposed, who took part in the first decision, whether the
 * interview was held. The guards (four eyes, a different officer on appeal, interview before decision) read it, so
 * the same function serves the engine's tests and the persistence of a transition.
 */
export function progressAfter(file: CaseSnapshot, plan: TransitionPlan, actor: ActingUser, now: Date): CaseSnapshot {
  const next: CaseSnapshot = { ...file, state: plan.to, version: file.version + 1 };
  for (const e of plan.effects) {
    switch (e.kind) {
      case 'propose_decision':
        next.proposal = { outcome: e.outcome, proposedBy: actor.userId };
        break;
      case 'clear_proposal':
        next.proposal = null;
        break;
      case 'decide':
        if (e.instance === 'first') {
          const deciders = [file.proposal?.proposedBy, actor.userId].filter((x): x is string => !!x);
          next.firstDecision = { outcome: e.outcome, deciders: [...new Set(deciders)] };
        }
        next.proposal = null;
        break;
      case 'record_interview':
        next.interviewHeldAt = now.toISOString();
        break;
      case 'unassign':
        next.assigneeId = null;
        break;
      default:
        break;
    }
  }
  return next;
}
