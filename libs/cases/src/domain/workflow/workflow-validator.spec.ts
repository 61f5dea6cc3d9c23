import { REGULARISATION_WORKFLOW } from './regularisation.workflow';
import type { WorkflowDefinition } from './workflow-definition';
import { workflowToMermaid } from './workflow-mermaid';
import { assertValidWorkflow, workflowProblems } from './workflow-validator';
import { APPEAL_BODY_STATES, assertAllWorkflowsValid, SYSTEM_ENDED_CLOCKS, WORKFLOWS } from './workflows';

describe('workflow validation', () => {
  it('accepts the three workflows of Masar', () => {
    for (const def of Object.values(WORKFLOWS)) expect(workflowProblems(def)).toEqual([]);
    expect(() => assertAllWorkflowsValid()).not.toThrow();
  });

  it('finds an unreachable state, a dead end, a trap and an action named twice', () => {
    const broken: WorkflowDefinition = {
      kind: 'regularisation',
      version: 0,
      initial: 'a',
      states: [
        { name: 'a', stage: 'draft' },
        { name: 'b', stage: 'received' },
        { name: 'c', stage: 'on_hold' },
        { name: 'd', stage: 'under_review' },
        { name: 'e', stage: 'under_review' },
        { name: 'orphan', stage: 'closed', final: true },
        { name: 'done', stage: 'completed', final: true },
      ],
      transitions: [
        { action: 'go', label: '', from: ['a'], to: 'b', by: ['caseworker'], scope: 'office', guards: [], effects: [] },
        { action: 'go', label: '', from: ['b'], to: 'done', by: ['caseworker'], scope: 'office', guards: [], effects: [] },
        { action: 'stall', label: '', from: ['a'], to: 'c', by: ['caseworker'], scope: 'office', guards: [], effects: [] },
        { action: 'loop1', label: '', from: ['a'], to: 'd', by: ['caseworker'], scope: 'office', guards: [], effects: [] },
        { action: 'loop2', label: '', from: ['d'], to: 'e', by: ['caseworker'], scope: 'office', guards: [], effects: [] },
        { action: 'loop3', label: '', from: ['e'], to: 'd', by: ['caseworker'], scope: 'office', guards: [], effects: [] },
      ],
    };
    const problems = workflowProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        'action "go" is named more than once',
        'state "orphan" cannot be reached from "a"',
        'state "c" is a dead end (not final and no way out)',
        'state "d" can never lead to a final state',
      ]),
    );
    expect(() => assertValidWorkflow(broken)).toThrow(/Workflow "regularisation" is invalid/);
  });

  it('checks that a clock end names an action the system may take from that state', () => {
    const def: WorkflowDefinition = {
      ...REGULARISATION_WORKFLOW,
      states: REGULARISATION_WORKFLOW.states.map((s) => (s.name === 'appeal_window' ? { ...s, onClockEnd: 'issue_card' } : s)),
    };
    expect(workflowProblems(def)).toEqual([
      'clock-end action "issue_card" cannot be taken from "appeal_window"',
      'clock-end action "issue_card" must be one the system may take',
    ]);
  });
});

describe('Mermaid rendering', () => {
  it('draws every transition from every source state, the start and the final states', () => {
    const text = workflowToMermaid(REGULARISATION_WORKFLOW);
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(text).toContain('  [*] --> draft');
    expect(text).toContain('  favourable_proposed --> card_production : confirm_favourable (supervisor) [four_eyes, documents_verified]');
    expect(text).toContain('  national_commission_review --> card_production : grant_on_appeal (caseworker, supervisor of the appeal body)');
    expect(text).toContain('  appeal_window : refused can appeal / clock: appeal window / at its end: close unappealed');
    expect(text).toContain('  card_issued --> [*]');
    const edges = text.split('\n').filter((l) => / --> /.test(l) && !l.includes('[*]')).length;
    expect(edges).toBe(REGULARISATION_WORKFLOW.transitions.reduce((n, t) => n + t.from.length, 0));
  });
});

describe('derived sets', () => {
  it('know which states are the appeal body’s and which clocks the system ends', () => {
    expect([...APPEAL_BODY_STATES].sort()).toEqual(['appeal_review', 'national_commission_review']);
    expect([...SYSTEM_ENDED_CLOCKS].sort()).toEqual(['appeal_window', 'card_expiry']);
  });
});
