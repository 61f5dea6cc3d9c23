import type { ApplicationKind } from '../labels/application-kind.labels';
import type { Language } from '../language';
import type { LocalDate } from '../local-date';

/** Who decided: the first office or commission, or the appeal body (national commission, appeal officer). */
export type DecisionStage = 'first-instance' | 'appeal';

/** Where and until when an applicant can appeal a first-instance rejection. */
export interface AppealRoute {
  /** The last day an appeal is accepted (the legal window; any grace period is the office's business). */
  deadline: LocalDate;
  /** The body that hears the appeal, e.g. the national commission. */
  authority: string;
  /** Its postal address, when the office has one on record. */
  address?: string;
  /** How to lodge it (in person, by post, online), in the applicant's language. */
  instructions?: string;
}

export interface GrantedDecision {
  outcome: 'granted';
  stage: DecisionStage;
  reasons?: readonly string[];
  /** What follows, e.g. card production and where to collect it, in the applicant's language. */
  nextSteps?: readonly string[];
}

/** A first-instance rejection can be appealed, so the letter must say until when and where. */
export interface RejectedDecision {
  outcome: 'rejected';
  stage: 'first-instance';
  reasons: readonly string[];
  appeal: AppealRoute;
}

/** A rejection on appeal is final. */
export interface FinalRejection {
  outcome: 'rejected';
  stage: 'appeal';
  reasons: readonly string[];
}

export type Decision = GrantedDecision | RejectedDecision | FinalRejection;

/**
 * What a decision letter shows, ready to print in the applicant's language; no ids. The reasons are the decider's
 * own words (the cases context keeps them); the law requires them for a rejection.
 */
export interface DecisionLetterInput {
  language: Language;
  reference: string;
  kind: ApplicationKind;
  office: { name: string; address?: string };
  /** The applicant's name as they wrote it, when the letter is addressed to them. */
  addressee?: string;
  decidedOn: LocalDate;
  issuedOn: LocalDate;
  /** The title of the person signing for the office, e.g. "Head of the foreigners' office". */
  signatory?: string;
  decision: Decision;
}
