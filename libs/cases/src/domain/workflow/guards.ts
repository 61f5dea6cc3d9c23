import type { ActingUser, CaseSnapshot, DocumentsAnswer, TransitionInput } from './case-snapshot';
import type { GuardName } from './workflow-definition';

export interface GuardContext {
  file: CaseSnapshot;
  actor: ActingUser;
  input: TransitionInput;
  documents?: DocumentsAnswer;
  now: Date;
}

/** Reasons shorter than this are not reasons ("no", "x"): a refusal must be explainable to the person. */
export const MIN_REASON_LENGTH = 15;

/** Guards that look at what the person acting types in, rather than at the file. */
export const INPUT_GUARDS: readonly GuardName[] = ['reasons_written', 'interview_details_given', 'information_requested_listed', 'consent_recorded'];

type Check = (ctx: GuardContext) => string | null;

const CHECKS: Record<GuardName, Check> = {
  documents_verified: ({ documents }) => {
    if (!documents) return 'the documents checklist could not be read.';
    const parts: string[] = [];
    if (documents.missing.length) parts.push(`documents missing: ${documents.missing.join(', ')}`);
    if (documents.unverified.length) parts.push(`documents not yet verified: ${documents.unverified.join(', ')}`);
    return parts.length ? parts.join('; ') + '.' : null;
  },
  four_eyes: ({ file, actor }) => {
    if (!file.proposal) return 'a proposed decision to confirm.';
    return file.proposal.proposedBy === actor.userId ? 'a second person: you proposed this decision, another supervisor must confirm it.' : null;
  },
  reasons_written: ({ input }) =>
    (input.reason ?? '').trim().length >= MIN_REASON_LENGTH ? null : `written reasons (at least ${MIN_REASON_LENGTH} characters).`,
  different_officer_than_first_decision: ({ file, actor }) => {
    if (!file.firstDecision) return 'a first decision to appeal against.';
    return file.firstDecision.deciders.includes(actor.userId)
      ? 'an officer who took no part in the first decision.'
      : null;
  },
  interview_held: ({ file }) => (file.interviewHeldAt ? null : 'an interview held with the applicant.'),
  interview_details_given: ({ input, now }) => {
    const i = input.data?.interview as { at?: unknown; place?: unknown; interpreterLanguage?: unknown } | undefined;
    if (!i || typeof i !== 'object') return 'the interview date, place and interpreter language.';
    const at = typeof i.at === 'string' ? new Date(i.at) : null;
    if (!at || Number.isNaN(at.getTime())) return 'the interview date and time.';
    if (at.getTime() <= now.getTime()) return 'an interview date in the future.';
    if (typeof i.place !== 'string' || i.place.trim().length < 3) return 'the interview place.';
    if (i.interpreterLanguage !== undefined && i.interpreterLanguage !== null && (typeof i.interpreterLanguage !== 'string' || !/^[a-z]{2,3}$/.test(i.interpreterLanguage))) {
      return 'the interpreter language as a language code (for example "ar"), or none.';
    }
    return null;
  },
  information_requested_listed: ({ input }) => {
    const r = input.data?.requested;
    // Codes of the checklist (`proof_of_residence`), which every message template names in the applicant's language.
    return Array.isArray(r) && r.length > 0 && r.length <= 20 && r.every((x) => typeof x === 'string' && /^[a-z_]{2,64}$/.test(x))
      ? null
      : 'the list of documents requested, as checklist codes (for example "proof_of_residence").';
  },
  consent_recorded: ({ input }) => (input.data?.consent === true ? null : "the person's consent to the referral."),
};

/** Every failing guard with what it needs, so that the person sees all that is missing at once. */
export function failedGuards(guards: readonly GuardName[], ctx: GuardContext): { guard: GuardName; detail: string }[] {
  const failures: { guard: GuardName; detail: string }[] = [];
  for (const g of guards) {
    const detail = CHECKS[g](ctx);
    if (detail) failures.push({ guard: g, detail });
  }
  return failures;
}
