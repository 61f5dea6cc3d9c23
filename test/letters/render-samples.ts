/**
 * Renders sample letters to artifacts/letters/ (git-ignored) so that a person can look at them:
 *   npx tsx test/letters/render-samples.ts && scripts/ci/pdf-tools.sh to-png artifacts/letters/receipt-ar.pdf
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, renderReceipt } from '@masar/letters';
import { aReceipt } from './support/letter-factories';

async function main(): Promise<void> {
  const dir = join(__dirname, '..', '..', 'artifacts', 'letters');
  mkdirSync(dir, { recursive: true });
  for (const language of LANGUAGES) {
    writeFileSync(join(dir, `receipt-${language}.pdf`), await renderReceipt(aReceipt({ language })));
  }
  console.log(`samples written to ${dir}`);
}

void main();
