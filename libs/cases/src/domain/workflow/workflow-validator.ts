import {
  ACTING_ROLES,
  CLOCK_KINDS,
  GUARDS,
  STAGES,
  stateOf,
  transitionOf,
  type WorkflowDefinition,
} from './workflow-definition';

/**
 * Checks a workflow definition as a whole, so that a mistake in the data (a state nobody can reach, a file that can
 * get stuck, an action named twice) stops the process at start-up instead of stranding real files.
 */
export function workflowProblems(def: WorkflowDefinition): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const s of def.states) {
    if (names.has(s.name)) problems.push(`state "${s.name}" is declared twice`);
    names.add(s.name);
    if (!(STAGES as readonly string[]).includes(s.stage)) problems.push(`state "${s.name}" has unknown stage "${s.stage}"`);
    if (s.clock && !(CLOCK_KINDS as readonly string[]).includes(s.clock)) problems.push(`state "${s.name}" has unknown clock "${s.clock}"`);
    if (s.onClockEnd) {
      const t = transitionOf(def, s.onClockEnd);
      if (!s.clock) problems.push(`state "${s.name}" says what its clock's end means but runs no clock`);
      if (!t) problems.push(`state "${s.name}" ends its clock with unknown action "${s.onClockEnd}"`);
      else {
        if (!t.from.includes(s.name)) problems.push(`clock-end action "${t.action}" cannot be taken from "${s.name}"`);
        if (!t.by.includes('system')) problems.push(`clock-end action "${t.action}" must be one the system may take`);
      }
    }
  }
  if (!names.has(def.initial)) problems.push(`initial state "${def.initial}" is not declared`);

  const actions = new Set<string>();
  for (const t of def.transitions) {
    if (actions.has(t.action)) problems.push(`action "${t.action}" is named more than once`);
    actions.add(t.action);
    if (t.from.length === 0) problems.push(`action "${t.action}" has no source state`);
    for (const f of t.from) if (!names.has(f)) problems.push(`action "${t.action}" leaves unknown state "${f}"`);
    if (!names.has(t.to)) problems.push(`action "${t.action}" enters unknown state "${t.to}"`);
    if (t.by.length === 0) problems.push(`action "${t.action}" may be taken by nobody`);
    for (const r of t.by) if (!(ACTING_ROLES as readonly string[]).includes(r)) problems.push(`action "${t.action}" names unknown role "${r}"`);
    for (const g of t.guards) if (!(GUARDS as readonly string[]).includes(g)) problems.push(`action "${t.action}" names unknown guard "${g}"`);
    if (t.by.length === 1 && t.by[0] === 'system' && t.guards.some((g) => g === 'four_eyes' || g === 'reasons_written')) {
      problems.push(`action "${t.action}" is the system's alone but needs a person's judgement`);
    }
  }

  // Reachability from the initial state.
  const reachable = reach(def, [def.initial], (s) => def.transitions.filter((t) => t.from.includes(s)).map((t) => t.to));
  for (const s of def.states) if (!reachable.has(s.name)) problems.push(`state "${s.name}" cannot be reached from "${def.initial}"`);

  // No dead ends: a state that is not final must have a way out, and from every state some final state is reachable.
  const finals = def.states.filter((s) => s.final).map((s) => s.name);
  if (finals.length === 0) problems.push('the workflow has no final state');
  const leadsToFinal = reach(def, finals, (s) => def.transitions.filter((t) => t.to === s).flatMap((t) => t.from));
  for (const s of def.states) {
    const exits = def.transitions.filter((t) => t.from.includes(s.name) && t.to !== s.name);
    if (!s.final && exits.length === 0) problems.push(`state "${s.name}" is a dead end (not final and no way out)`);
    else if (!leadsToFinal.has(s.name)) problems.push(`state "${s.name}" can never lead to a final state`);
  }
  return problems;
}

export class InvalidWorkflowError extends Error {
  constructor(kind: string, readonly problems: string[]) {
    super(`Workflow "${kind}" is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'InvalidWorkflowError';
  }
}

export function assertValidWorkflow(def: WorkflowDefinition): void {
  const problems = workflowProblems(def);
  if (problems.length) throw new InvalidWorkflowError(def.kind, problems);
}

function reach(def: WorkflowDefinition, start: string[], next: (s: string) => string[]): Set<string> {
  const seen = new Set<string>(start.filter((s) => stateOf(def, s)));
  const todo = [...seen];
  while (todo.length) {
    const s = todo.pop()!;
    for (const n of next(s)) if (!seen.has(n)) (seen.add(n), todo.push(n));
  }
  return seen;
}
