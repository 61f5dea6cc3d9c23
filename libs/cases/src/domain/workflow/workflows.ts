import { ASYLUM_WORKFLOW } from './asylum.workflow';
import { REGULARISATION_WORKFLOW } from './regularisation.workflow';
import { RENEWAL_WORKFLOW } from './renewal.workflow';
import { CASE_KINDS, type CaseKind, type WorkflowDefinition } from './workflow-definition';
import { assertValidWorkflow } from './workflow-validator';

export const WORKFLOWS: { readonly [K in CaseKind]: WorkflowDefinition } = {
  regularisation: REGULARISATION_WORKFLOW,
  asylum: ASYLUM_WORKFLOW,
  renewal: RENEWAL_WORKFLOW,
};

export function workflowFor(kind: CaseKind): WorkflowDefinition {
  return WORKFLOWS[kind];
}

export function isCaseKind(kind: string): kind is CaseKind {
  return (CASE_KINDS as readonly string[]).includes(kind);
}

/** Run at start-up: a broken definition stops the process with every problem listed. */
export function assertAllWorkflowsValid(): void {
  for (const kind of CASE_KINDS) assertValidWorkflow(WORKFLOWS[kind]);
}

/**
 * States in which a file is before the appeal body (some transition from there is the appeal body's): the
 * commission's queue holds these, the office's queue does not, although both may still read the file.
 */
export const APPEAL_BODY_STATES: readonly string[] = [
  ...new Set(Object.values(WORKFLOWS).flatMap((def) => def.transitions.filter((t) => t.scope === 'appeal_body').flatMap((t) => t.from))),
];

/**
 * Clocks whose end the system applies by itself (an appeal window closes the file, an expired card lapses): they
 * are the applicant's deadlines, not the office's, so they do not set a file's place in the work queues.
 */
export const SYSTEM_ENDED_CLOCKS: readonly string[] = [
  ...new Set(Object.values(WORKFLOWS).flatMap((def) => def.states.filter((st) => st.onClockEnd && st.clock).map((st) => st.clock!))),
];
