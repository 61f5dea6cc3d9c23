/**
 * Cases: applicants, applications and their workflows, work queues, decisions and deadlines. This context owns the
 * person records (with their encrypted identifiers and duplicate keys), the files of the three kinds, their
 * workflow definitions (as data), their history, clocks and assignment. Other contexts use only what is exported
 * here.
 */
export * from './cases.errors';
export * from './domain/workflow/workflow-definition';
export * from './domain/workflow/case-snapshot';
export { workflowFor, isCaseKind, WORKFLOWS, assertAllWorkflowsValid } from './domain/workflow/workflows';
export { workflowToMermaid } from './domain/workflow/workflow-mermaid';
export { workflowProblems } from './domain/workflow/workflow-validator';
export { REGULARISATION_CATEGORIES, CRITERIA_VERSIONS, criteriaVersion, type RegularisationCategory, type CriteriaVersion } from './domain/eligibility/criteria';
export type { EligibilityFacts, PartialDate } from './domain/eligibility/eligibility-facts';
export { assessEligibility, assessAllCategories, type EligibilityAssessment } from './domain/eligibility/assess-eligibility';
export { DEFAULT_CLOCK_POLICY, type ClockPolicy, type AsylumModality } from './domain/deadlines/clock-policy';
export { generateReference, parseReference } from './domain/reference/case-reference';
export { hashAccessCode, accessCodeMatches } from './domain/reference/access-code';
export { nameSkeleton, nameKeys } from './domain/identity-keys/name-skeleton';
