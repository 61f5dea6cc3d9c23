import { checkSymbol, hasValidCheck, normaliseCrockford, randomCrockford } from './crockford';

/**
 * A file's public reference, `MA-7K3Q-9XWD`: 7 random Crockford symbols (35 bits, so references cannot be
 * enumerated or guessed from one another) and a check symbol that catches a mistyped or swapped character before
 * any look-up. It is not a secret on its own: the status check also asks for the access code.
 */
export const REFERENCE_PREFIX = 'MA';
const BODY = 7;

export function generateReference(): string {
  const body = randomCrockford(BODY);
  return formatReference(body + checkSymbol(body));
}

function formatReference(word: string): string {
  return `${REFERENCE_PREFIX}-${word.slice(0, 4)}-${word.slice(4)}`;
}

/**
 * The canonical form of what a person typed or read out (lower case, spaces, O for 0, with or without the prefix),
 * or null when it cannot be a reference: a wrong check symbol is refused before touching the database.
 */
export function parseReference(input: string): string | null {
  let w = normaliseCrockford(input);
  if (w.length === BODY + 1 + REFERENCE_PREFIX.length && w.startsWith(REFERENCE_PREFIX)) w = w.slice(REFERENCE_PREFIX.length);
  if (w.length !== BODY + 1 || !hasValidCheck(w)) return null;
  return formatReference(w);
}
