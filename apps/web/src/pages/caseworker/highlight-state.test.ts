import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { highlightState } from './highlight-state';

/** A diagram as GET /workflows/{kind}?format=mermaid&lang=fr serves it (states labelled with the stage words). */
const DIAGRAM = [
  'stateDiagram-v2',
  '  %% Masar regularisation workflow, version 3',
  '  completeness_check : Le bureau vérifie que votre dossier est complet.',
  '  provincial_review : Votre demande est en cours d’examen. ⏱',
  '  rejected_final : Votre demande a été rejetée #59; cette décision est définitive.',
  '  [*] --> completeness_check',
  '  completeness_check --> provincial_review : accept_as_complete (caseworker) [documents_verified]',
  '  provincial_review --> rejected_final : confirm_unfavourable (supervisor) [four_eyes, reasons_written]',
  '  rejected_final --> [*]',
  '',
].join('\n');

/** The classes Mermaid itself gives each state once it has read the diagram. */
async function stateClasses(source: string): Promise<Record<string, string[]>> {
  await mermaid.parse(source);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
  const states = (diagram.db as unknown as { getStates(): Map<string, { classes?: string[] }> }).getStates();
  return Object.fromEntries([...states].map(([name, s]) => [name, s.classes ?? []]));
}

describe('highlightState', () => {
  it('marks the current state, and only it, for Mermaid to draw it highlighted', async () => {
    const classes = await stateClasses(highlightState(DIAGRAM, 'provincial_review'));
    expect(classes.provincial_review).toContain('current');
    expect(classes.completeness_check).not.toContain('current');
    expect(classes.rejected_final).not.toContain('current');
  }, 30_000);

  it('keeps the diagram as served and adds the style after it', () => {
    const out = highlightState(DIAGRAM, 'rejected_final');
    expect(out.startsWith(DIAGRAM.trimEnd())).toBe(true);
    expect(out).toMatch(/\n {2}classDef current [^\n]*fill:#ffe066[^\n]*\n {2}class rejected_final current\n$/);
  });

  it('leaves the diagram alone for a state name that could carry Mermaid statements', () => {
    expect(highlightState(DIAGRAM, 'draft\n  click draft href "https://example.org"')).toBe(DIAGRAM);
    expect(highlightState(DIAGRAM, '')).toBe(DIAGRAM);
  });
});
