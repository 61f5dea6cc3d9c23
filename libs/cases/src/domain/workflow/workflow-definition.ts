/**
 * A workflow is data: its states and transitions are declared, not coded, so that the same definition drives the
 * transition engine, the "actions you may take now" of a file, the start-up validation, the Mermaid diagram served
 * to users, and the plain-language stage an applicant sees.
 */
export const CASE_KINDS = ['regularisation', 'asylum', 'renewal'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** Who takes a transition. `system` is the worker (a clock ending); `applicant` acts on their own file only. */
export const ACTING_ROLES = ['caseworker', 'supervisor', 'applicant', 'system'] as const;
export type ActingRole = (typeof ACTING_ROLES)[number];

/**
 * Whose files a transition may be taken on. `office`: files of an office in the actor's scope (their office, or
 * their region for a supervisor). `appeal_body`: files before the national appeal commission.
 */
export type ActionScope = 'office' | 'appeal_body';

/**
 * Plain-language stages shown to applicants (translated by the status context). Several states share a stage: the
 * applicant needs to know where they stand and what to do, not the office's internal steps.
 */
export const STAGES = [
  'draft',
  'received',
  'being_checked',
  'documents_needed',
  'under_review',
  'interview_planned',
  'decision_being_prepared',
  'on_hold',
  'accepted',
  'card_in_production',
  'card_ready',
  'completed',
  'refused_can_appeal',
  'appeal_under_review',
  'refused_final',
  'closed',
  'withdrawn',
  'merged',
  'referred_to_asylum',
  'renewal_due',
  'lapsed',
  'protection_ended',
] as const;
export type Stage = (typeof STAGES)[number];

/** The languages the stages are told in: those of the status page and the web application. */
export const DIAGRAM_LANGUAGES = ['ar', 'fr', 'en', 'es'] as const;
export type DiagramLanguage = (typeof DIAGRAM_LANGUAGES)[number];

export function isDiagramLanguage(value: string): value is DiagramLanguage {
  return (DIAGRAM_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The plain words of a stage, as applicants read them on the status page. The status context owns those words and
 * provides this port; the workflow diagram reuses them, so a state is drawn with the words people are told (this
 * context cannot import the status context, which depends on it).
 */
export abstract class StageWording {
  abstract titleOf(stage: Stage, language: DiagramLanguage): string;
}

/** Clocks run while a file is in a state that declares one. */
export const CLOCK_KINDS = [
  'provincial_review',
  'information_request',
  'appeal_window',
  'asylum_decision',
  'card_expiry',
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export const GUARDS = [
  /** Required documents are present and verified (documents port, or the checklist recorded on the file). */
  'documents_verified',
  /** The supervisor who confirms a decision is not the caseworker who proposed it. */
  'four_eyes',
  /** A refusal or an overturn carries written reasons. */
  'reasons_written',
  /** The appeal is decided by someone who took no part in the first decision. */
  'different_officer_than_first_decision',
  /** Asylum is decided in interview, never on paper alone. */
  'interview_held',
  /** The interview has a date, a place and an interpreter language (or none needed). */
  'interview_details_given',
  /** A request for information names what is missing. */
  'information_requested_listed',
  /** A referral (to asylum, to services) needs the person's recorded consent. */
  'consent_recorded',
] as const;
export type GuardName = (typeof GUARDS)[number];

/** Events the applicant is told about; the notifications context renders them in the applicant's language. */
export const CASE_EVENT_TYPES = [
  'application_received',
  'documents_requested',
  'documents_complete',
  'interview_scheduled',
  'decision_favourable',
  'decision_unfavourable',
  'appeal_received',
  'appeal_granted',
  'appeal_rejected',
  'card_ready',
  'card_issued',
  'file_closed',
  'file_withdrawn',
  'file_transferred',
  'referred_to_asylum',
  'renewal_reminder',
  'renewal_received',
  'card_lapsed',
  'protection_ended',
  'file_reopened',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export type Outcome = 'favourable' | 'unfavourable';

export type Effect =
  /** Tell the applicant (a case event, fanned out by the notifications context). */
  | { kind: 'notify'; event: CaseEventType }
  /** Render a letter for the file (receipt at submission, decision letter with reasons). */
  | { kind: 'letter'; letter: 'receipt' | 'decision' }
  /** A caseworker proposes a decision; a supervisor must confirm it (four eyes). */
  | { kind: 'propose_decision'; outcome: Outcome }
  /** A decision is taken: first instance (after four eyes) or on appeal. */
  | { kind: 'decide'; instance: 'first' | 'appeal'; outcome: Outcome }
  /** The proposal is withdrawn (overturned or sent back). */
  | { kind: 'clear_proposal' }
  /** The file leaves its assignee (transfer, appeal to another body). */
  | { kind: 'unassign' }
  /** An asylum file is opened for the same applicant, linked to this one. */
  | { kind: 'open_asylum_file' }
  /** The interview recorded in data is scheduled, or marked as held. */
  | { kind: 'schedule_interview' }
  | { kind: 'record_interview' }
  /** A request for information with a due date. */
  | { kind: 'request_information' }
  /** The card handed over: its expiry (printed on it, or the policy's validity) starts the renewal cycle. */
  | { kind: 'record_card' };

export interface StateDefinition {
  name: string;
  stage: Stage;
  /** The file's procedure has ended here (it may still be reopened, revoked or the like). */
  final?: boolean;
  /** The clock that runs while the file is here. */
  clock?: ClockKind;
  /** What the end of that clock means: the action the system takes. Without it, an ended clock escalates. */
  onClockEnd?: string;
}

export interface TransitionDefinition {
  action: string;
  /** A short label for people (buttons, diagram). */
  label: string;
  from: readonly string[];
  to: string;
  by: readonly ActingRole[];
  scope: ActionScope;
  guards: readonly GuardName[];
  effects: readonly Effect[];
}

export interface WorkflowDefinition {
  kind: CaseKind;
  version: number;
  initial: string;
  states: readonly StateDefinition[];
  transitions: readonly TransitionDefinition[];
}

export function stateOf(def: WorkflowDefinition, name: string): StateDefinition | undefined {
  return def.states.find((s) => s.name === name);
}

export function transitionOf(def: WorkflowDefinition, action: string): TransitionDefinition | undefined {
  return def.transitions.find((t) => t.action === action);
}

/** Transitions that leave a state, whoever may take them. */
export function transitionsFrom(def: WorkflowDefinition, state: string): TransitionDefinition[] {
  return def.transitions.filter((t) => t.from.includes(state));
}
