import type { Stage, WorkflowDefinition, StateDefinition } from './workflow-definition';

/**
 * The workflow as a Mermaid state diagram, generated from the same data the engine runs, so the picture users and
 * reviewers look at cannot drift from the behaviour. Without `stageTitle` each state is described by its stage and
 * clock names (the README's form); with it, by the plain words of its stage in one language, and a clock by a sign
 * that needs no translation.
 */
export function workflowToMermaid(def: WorkflowDefinition, stageTitle?: (stage: Stage) => string): string {
  const lines = ['stateDiagram-v2', `  %% Masar ${def.kind} workflow, version ${def.version}`];
  for (const s of def.states) lines.push(`  ${s.name} : ${stageTitle ? wordedNote(s, stageTitle) : technicalNote(s)}`);
  lines.push(`  [*] --> ${def.initial}`);
  for (const t of def.transitions) {
    const who = t.by.join(', ') + (t.scope === 'appeal_body' ? ' of the appeal body' : '');
    const guards = t.guards.length ? ` [${t.guards.join(', ')}]` : '';
    for (const from of t.from) lines.push(`  ${from} --> ${t.to} : ${t.action} (${who})${guards}`);
  }
  for (const s of def.states) if (s.final) lines.push(`  ${s.name} --> [*]`);
  return lines.join('\n') + '\n';
}

function technicalNote(s: StateDefinition): string {
  const notes = [s.stage.replace(/_/g, ' ')];
  if (s.clock) notes.push(`clock: ${s.clock.replace(/_/g, ' ')}`);
  if (s.onClockEnd) notes.push(`at its end: ${s.onClockEnd.replace(/_/g, ' ')}`);
  return notes.join(' / ');
}

/** Mermaid ends a statement at ";" (French puts one before a clause): written as an entity code, like "#". */
function wordedNote(s: StateDefinition, stageTitle: (stage: Stage) => string): string {
  const words = stageTitle(s.stage).replace(/[#;]/g, (c) => `#${c.charCodeAt(0)};`);
  return s.clock ? `${words} ⏱` : words;
}
