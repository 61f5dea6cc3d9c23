import { Application } from './application.entity';

/**
 * A file read with plain SQL (one round trip, joined and locked as the caller needs) turned into the entity shape
 * the use cases work with. `card_expires_on` comes as text: node-pg would turn a SQL date into a local midnight.
 */
export const APPLICATION_COLUMNS = `a.id, a.reference, a.access_code_hash, a.kind, a.category, a.criteria_version, a.modality, a.eligibility_facts_enc,
  a.applicant_id, a.office_id, a.appeal_office_id, a.nationality, a.state, a.final, a.version, a.assignee_id, a.assigned_at, a.due_at,
  a.proposal, a.first_decision, a.interview, a.interview_held_at, a.card_expires_on::text as card_expires_on, a.linked_application_id,
  a.merged_into_application_id, a.submitted_at, a.decided_at, a.created_by, a.created_at, a.updated_at`;

export function applicationFromRow(r: Record<string, any>): Application {
  return Object.assign(new Application(), {
    id: r.id,
    reference: r.reference,
    accessCodeHash: r.access_code_hash,
    kind: r.kind,
    category: r.category,
    criteriaVersion: r.criteria_version,
    modality: r.modality,
    eligibilityFactsEnc: r.eligibility_facts_enc,
    applicantId: r.applicant_id,
    officeId: r.office_id,
    appealOfficeId: r.appeal_office_id,
    nationality: r.nationality,
    state: r.state,
    final: r.final,
    version: r.version,
    assigneeId: r.assignee_id,
    assignedAt: r.assigned_at,
    dueAt: r.due_at,
    proposal: r.proposal,
    firstDecision: r.first_decision,
    interview: r.interview,
    interviewHeldAt: r.interview_held_at,
    cardExpiresOn: r.card_expires_on,
    linkedApplicationId: r.linked_application_id,
    mergedIntoApplicationId: r.merged_into_application_id,
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
}
