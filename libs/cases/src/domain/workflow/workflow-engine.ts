import { CasesErrors } from '../../cases.errors';
import type { ActingUser, CaseAccessScope, CaseSnapshot, DocumentsAnswer, TransitionInput } from './case-snapshot';
import { failedGuards, INPUT_GUARDS } from './guards';
import {
  stateOf,
  transitionOf,
  transitionsFrom,
  type ClockKind,
  type Effect,
  type GuardName,
  type TransitionDefinition,
  type WorkflowDefinition,
} from './workflow-definition';

export interface TransitionPlan {
  action: string;
  from: string;
  to: string;
  effects: readonly Effect[];
  clocksStarted: ClockKind[];
  clocksStopped: ClockKind[];
  /** The file's procedure ends with this transition. */
  entersFinal: boolean;
}

export interface AvailableAction {
  action: string;
  label: string;
  to: string;
  /** Guards the file does not satisfy yet (documents, four eyes, interview...). */
  blockedBy: GuardName[];
  /** What the person must give with the action (reasons, interview details, consent...). */
  needs: GuardName[];
}

/** May this actor take this transition on this file, by role and by office? */
export function mayTake(t: TransitionDefinition, file: CaseSnapshot, actor: ActingUser, scope: CaseAccessScope): boolean {
  if (actor.role === 'admin') return false;
  if (!(t.by as readonly string[]).includes(actor.role)) return false;
  if (actor.role === 'system') return true;
  if (actor.role === 'applicant') return file.applicantUserId !== null && file.applicantUserId === actor.userId;
  if (scope.kind === 'all') return true;
  if (t.scope === 'appeal_body') return scope.kind === 'appeals';
  return scope.kind === 'offices' && scope.officeIds.includes(file.officeId);
}

/** The transitions this actor could take from the file's current state (before looking at guards). */
export function actionsFor(def: WorkflowDefinition, file: CaseSnapshot, actor: ActingUser, scope: CaseAccessScope): TransitionDefinition[] {
  return transitionsFrom(def, file.state).filter((t) => mayTake(t, file, actor, scope));
}

/**
 * Decides whether an action may be taken and what it implies. Throws the domain errors the HTTP layer answers:
 * 422 with the allowed actions when the state does not offer it, 403 when the role or office may not, 422 with every
 * unmet condition when a guard fails.
 */
export function planTransition(args: {
  def: WorkflowDefinition;
  file: CaseSnapshot;
  actor: ActingUser;
  scope: CaseAccessScope;
  action: string;
  input: TransitionInput;
  documents?: DocumentsAnswer;
  now: Date;
}): TransitionPlan {
  const { def, file, actor, scope, action, input, documents, now } = args;
  const t = transitionOf(def, action);
  if (!t || !t.from.includes(file.state)) {
    throw CasesErrors.actionNotAllowed(action, file.state, actionsFor(def, file, actor, scope).map((a) => a.action));
  }
  if (!mayTake(t, file, actor, scope)) throw CasesErrors.actionForbidden(action);
  const failures = failedGuards(t.guards, { file, actor, input, documents, now });
  if (failures.length) throw CasesErrors.guardFailed(action, failures);

  const fromClock = stateOf(def, file.state)?.clock;
  const toState = stateOf(def, t.to)!;
  const clocksStarted: ClockKind[] = [];
  const clocksStopped: ClockKind[] = [];
  if (fromClock !== toState.clock) {
    if (fromClock) clocksStopped.push(fromClock);
    if (toState.clock) clocksStarted.push(toState.clock);
  }
  return { action, from: file.state, to: t.to, effects: t.effects, clocksStarted, clocksStopped, entersFinal: !!toState.final };
}

/** What the actor may do now, with what still blocks each action: the "actions" of `GET /applications/{id}`. */
export function availableActions(args: {
  def: WorkflowDefinition;
  file: CaseSnapshot;
  actor: ActingUser;
  scope: CaseAccessScope;
  documents?: DocumentsAnswer;
  now: Date;
}): AvailableAction[] {
  const { def, file, actor, scope, documents, now } = args;
  return actionsFor(def, file, actor, scope).map((t) => {
    const fileGuards = t.guards.filter((g) => !INPUT_GUARDS.includes(g) && (g !== 'documents_verified' || documents));
    return {
      action: t.action,
      label: t.label,
      to: t.to,
      blockedBy: failedGuards(fileGuards, { file, actor, input: {}, documents, now }).map((f) => f.guard),
      needs: t.guards.filter((g) => INPUT_GUARDS.includes(g)),
    };
  });
}
