import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKFLOWS, workflowToMermaid } from '@masar/cases';

describe('the cases README', () => {
  it('shows the workflows exactly as the code defines them', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'libs', 'cases', 'README.md'), 'utf8');
    for (const [kind, def] of Object.entries(WORKFLOWS)) {
      expect(readme).toContain(`### ${kind}\n\n\`\`\`mermaid\n${workflowToMermaid(def)}\`\`\``);
    }
  });
});
