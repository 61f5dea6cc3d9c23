/**
 * Renders sample letters to artifacts/letters/ (git-ignored) so that a person can look at them:
 *   npx tsx test/letters/render-samples.ts
 *   pdftoppm -png -r 110 -singlefile artifacts/letters/receipt-ar.pdf artifacts/letters/receipt-ar
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, renderDecisionLetter, renderReceipt } from '@masar/letters';
import { aGrantLetter, aReceipt, aRejectionLetter } from './support/letter-factories';

async function main(): Promise<void> {
  const dir = join(__dirname, '..', '..', 'artifacts', 'letters');
  mkdirSync(dir, { recursive: true });
  for (const language of LANGUAGES) {
    writeFileSync(join(dir, `receipt-${language}.pdf`), await renderReceipt(aReceipt({ language })));
    writeFileSync(join(dir, `rejection-${language}.pdf`), await renderDecisionLetter(aRejectionLetter({ language })));
    writeFileSync(join(dir, `grant-${language}.pdf`), await renderDecisionLetter(aGrantLetter({ language })));
  }
  console.log(`samples written to ${dir}`);
}

void main();
