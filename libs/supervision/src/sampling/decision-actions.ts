import { WORKFLOWS, type Effect } from '@masar/cases';

export interface DecisionAction {
  kind: string;
  action: string;
  instance: 'first' | 'appeal';
  outcome: 'favourable' | 'unfavourable';
}

/**
 * The actions that decide a file, read from the workflows (the transitions with a 'decide' effect), so that a
 * decision added to a workflow is sampled without a change here.
 */
export function decisionActions(): DecisionAction[] {
  const out: DecisionAction[] = [];
  for (const def of Object.values(WORKFLOWS)) {
    for (const t of def.transitions) {
      for (const e of t.effects as readonly Effect[]) {
        if (e.kind === 'decide') out.push({ kind: def.kind, action: t.action, instance: e.instance, outcome: e.outcome });
      }
    }
  }
  return out;
}
