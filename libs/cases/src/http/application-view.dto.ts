import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGULARISATION_CATEGORIES } from '../domain/eligibility/criteria';
import { CASE_KINDS, GUARDS, STAGES } from '../domain/workflow/workflow-definition';

/**
 * The responses of the file routes, as `GetApplication`, `RecordEligibilityFacts`, `AddCaseNote`, `ClaimNext` and
 * `FlagsAndReferrals` return them. They describe the JSON for the OpenAPI document (and the web's generated types):
 * the routes return the use cases' objects unchanged.
 */

const OUTCOMES = ['favourable', 'unfavourable'] as const;
const VERDICTS = ['meets', 'does_not_meet', 'cannot_tell'] as const;

export class EligibilityReasonDto {
  @ApiProperty() code: string;
  @ApiProperty({ nullable: true, type: Boolean, description: 'true: the condition holds; false: it does not; null: a fact is missing' }) holds: boolean | null;
  @ApiProperty() text: string;
}

/** Advisory only: the caseworker decides. */
export class EligibilityAssessmentDto {
  @ApiProperty({ enum: REGULARISATION_CATEGORIES }) category: string;
  @ApiProperty({ example: 'MA-2016' }) criteriaVersion: string;
  @ApiProperty({ enum: VERDICTS }) verdict: (typeof VERDICTS)[number];
  @ApiProperty({ type: [EligibilityReasonDto] }) reasons: EligibilityReasonDto[];
}

export class EligibilityResultDto {
  @ApiProperty({ type: EligibilityAssessmentDto, nullable: true, description: 'null when the file has no category or no criteria version' })
  assessment: EligibilityAssessmentDto | null;
  @ApiProperty({ type: [EligibilityAssessmentDto], description: 'Other categories whose conditions the facts meet' }) otherCategories: EligibilityAssessmentDto[];
}

export class ProposalDto {
  @ApiProperty({ enum: OUTCOMES }) outcome: (typeof OUTCOMES)[number];
  @ApiProperty() proposedBy: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reason?: string | null;
}

export class FirstDecisionDto {
  @ApiProperty({ enum: OUTCOMES }) outcome: (typeof OUTCOMES)[number];
  @ApiProperty({ type: [String], description: 'Who proposed and who confirmed (four eyes)' }) deciders: string[];
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reason?: string | null;
}

export class InterviewDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() place: string;
  @ApiProperty({ nullable: true, type: String }) interpreterLanguage: string | null;
}

export class ApplicantSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) latinName: string | null;
  @ApiProperty({ nullable: true, type: String }) arabicName: string | null;
  @ApiProperty({ nullable: true, type: Number }) birthYear: number | null;
  @ApiProperty({ nullable: true, type: String }) nationality: string | null;
  @ApiProperty({ nullable: true, type: String }) sex: string | null;
  @ApiProperty() preferredLanguage: string;
}

export class RunningClockDto {
  @ApiProperty({ example: 'provincial_review' }) clock: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) escalatedAt: string | null;
}

export class HistoryEntryDto {
  @ApiProperty() version: number;
  @ApiProperty() action: string;
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty() to: string;
  @ApiProperty() actorId: string;
  @ApiProperty() actorRole: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class CaseNoteDto {
  @ApiProperty() id: string;
  @ApiProperty() authorId: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CaseFlagDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'vulnerable_person' }) kind: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() raisedBy: string;
  @ApiProperty({ format: 'date-time' }) raisedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) clearedAt: string | null;
}

export class CaseReferralDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'health' }) service: string;
  @ApiProperty({ format: 'date' }) consentGivenOn: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() referredBy: string;
  @ApiProperty({ format: 'date-time' }) referredAt: string;
}

export class AllowedActionDto {
  @ApiProperty({ example: 'propose_favourable' }) action: string;
  @ApiProperty() label: string;
  @ApiProperty() to: string;
  @ApiProperty({ enum: GUARDS, isArray: true, description: 'Guards the file does not satisfy yet: the action is shown disabled' }) blockedBy: (typeof GUARDS)[number][];
  @ApiProperty({ enum: GUARDS, isArray: true, description: 'What the person must give with the action (reasons, interview details, consent...)' })
  needs: (typeof GUARDS)[number][];
}

/** A file as staff see it (`GetApplication`'s ApplicationView). */
export class ApplicationViewDto {
  @ApiProperty() id: string;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: CASE_KINDS }) kind: string;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ nullable: true, type: String }) criteriaVersion: string | null;
  @ApiProperty({ nullable: true, type: String }) modality: string | null;
  @ApiProperty() state: string;
  @ApiProperty({ enum: STAGES }) stage: string;
  @ApiProperty() final: boolean;
  @ApiProperty() version: number;
  @ApiProperty() officeId: string;
  @ApiProperty({ nullable: true, type: String }) appealOfficeId: string | null;
  @ApiProperty({ nullable: true, type: String }) assigneeId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dueAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: ProposalDto, description: 'A decision proposed, awaiting confirmation (four eyes)' }) proposal: ProposalDto | null;
  @ApiProperty({ nullable: true, type: FirstDecisionDto }) firstDecision: FirstDecisionDto | null;
  @ApiProperty({ nullable: true, type: InterviewDto }) interview: InterviewDto | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) interviewHeldAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) cardExpiresOn: string | null;
  @ApiProperty({ nullable: true, type: String }) linkedApplicationId: string | null;
  @ApiProperty({ type: ApplicantSummaryDto }) applicant: ApplicantSummaryDto;
  @ApiProperty({ nullable: true, type: EligibilityAssessmentDto }) eligibility: EligibilityAssessmentDto | null;
  @ApiProperty({ type: [EligibilityAssessmentDto] }) otherCategories: EligibilityAssessmentDto[];
  @ApiProperty({ type: [RunningClockDto], description: 'Clocks running now, soonest first' }) clocks: RunningClockDto[];
  @ApiProperty({ type: [HistoryEntryDto], description: 'Steps of the file, oldest first' }) history: HistoryEntryDto[];
  @ApiProperty({ type: [CaseNoteDto], description: 'Internal notes (none for an applicant)' }) notes: CaseNoteDto[];
  @ApiProperty({ type: [CaseFlagDto] }) flags: CaseFlagDto[];
  @ApiProperty({ type: [CaseReferralDto] }) referrals: CaseReferralDto[];
  @ApiProperty({ type: [AllowedActionDto], description: 'What you may do now, with what still blocks each action' }) actions: AllowedActionDto[];
}

/** The id of what a route created or changed (a flag raised or cleared, a referral). */
export class RecordIdDto {
  @ApiProperty() id: string;
}

export class CreatedNoteDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ClaimedApplicationDto {
  @ApiProperty() id: string;
  @ApiProperty() reference: string;
  @ApiProperty() state: string;
  @ApiProperty() version: number;
}
