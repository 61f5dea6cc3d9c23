import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { WORKFLOWS, workflowToMermaid } from '@masar/cases';

/**
 * The diagrams served at /workflows/{kind}?format=mermaid must be valid Mermaid: each is parsed by the real
 * mermaid package (ESM only, hence a child process, with jsdom standing in for the browser).
 */
const PARSE = `
import { JSDOM } from 'jsdom';
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window; globalThis.document = dom.window.document;
const mermaid = (await import('mermaid')).default;
const input = JSON.parse(process.argv[1]);
const out = {};
for (const [kind, text] of Object.entries(input)) {
  try { out[kind] = (await mermaid.parse(text)).diagramType; } catch (e) { out[kind] = 'error: ' + e.message; }
}
process.stdout.write(JSON.stringify(out));
`;

describe('Mermaid diagrams of the workflows', () => {
  it('parse as state diagrams, and a broken one does not', () => {
    const diagrams: Record<string, string> = Object.fromEntries(Object.entries(WORKFLOWS).map(([k, def]) => [k, workflowToMermaid(def)]));
    diagrams.broken = 'stateDiagram-v2\n  draft --> : submit\n';
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', PARSE, JSON.stringify(diagrams)], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    const parsed = JSON.parse(run.stdout);
    expect(parsed).toMatchObject({ regularisation: 'stateDiagram', asylum: 'stateDiagram', renewal: 'stateDiagram' });
    expect(parsed.broken).toMatch(/^error: Parse error/);
  });
});
