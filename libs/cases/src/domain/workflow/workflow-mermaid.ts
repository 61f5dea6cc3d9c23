import type { WorkflowDefinition } from './workflow-definition';

/**
 * The workflow as a Mermaid state diagram, generated from the same data the engine runs, so the picture users and
 * reviewers look at cannot drift from the behaviour.
 */
export function workflowToMermaid(def: WorkflowDefinition): string {
  const lines = ['stateDiagram-v2', `  %% Masar ${def.kind} workflow, version ${def.version}`];
  for (const s of def.states) {
    const notes = [s.stage.replace(/_/g, ' ')];
    if (s.clock) notes.push(`clock: ${s.clock.replace(/_/g, ' ')}`);
    if (s.onClockEnd) notes.push(`at its end: ${s.onClockEnd.replace(/_/g, ' ')}`);
    lines.push(`  ${s.name} : ${notes.join(' / ')}`);
  }
  lines.push(`  [*] --> ${def.initial}`);
  for (const t of def.transitions) {
    const who = t.by.join(', ') + (t.scope === 'appeal_body' ? ' of the appeal body' : '');
    const guards = t.guards.length ? ` [${t.guards.join(', ')}]` : '';
    for (const from of t.from) lines.push(`  ${from} --> ${t.to} : ${t.action} (${who})${guards}`);
  }
  for (const s of def.states) if (s.final) lines.push(`  ${s.name} --> [*]`);
  return lines.join('\n') + '\n';
}
