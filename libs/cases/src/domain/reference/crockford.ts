import { randomInt } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so nothing read over the phone is mistaken for another symbol. */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Upper-cases and maps the look-alikes Crockford allows (O to 0, I and L to 1); drops spaces and dashes. */
export function normaliseCrockford(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function randomCrockford(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += CROCKFORD[randomInt(32)];
  return s;
}

// GF(32) built on the primitive polynomial x^5 + x^2 + 1: multiplication through log and antilog tables.
const EXP: number[] = [];
const LOG: number[] = new Array(32).fill(0);
{
  let x = 1;
  for (let i = 0; i < 31; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0b100000) x ^= 0b100101;
  }
}

function gfMulPow(a: number, power: number): number {
  return a === 0 ? 0 : EXP[(LOG[a]! + power) % 31]!;
}

/**
 * The check symbol of a Crockford string. Position i (from the right, the check itself at 0) is weighted by
 * alpha^i in GF(32), and the whole word, check included, sums to zero. As the weights are distinct and non-zero, any
 * single substitution changes the sum by e * alpha^i != 0, and any transposition of two symbols a, b at positions
 * i, j by (a + b)(alpha^i + alpha^j) != 0: both are always caught, for words of up to 31 symbols.
 */
export function checkSymbol(body: string): string {
  let sum = 0;
  const n = body.length;
  for (let k = 0; k < n; k++) {
    const v = CROCKFORD.indexOf(body[k]!);
    if (v < 0) throw new Error('not a Crockford symbol');
    sum ^= gfMulPow(v, n - k);
  }
  return CROCKFORD[sum]!;
}

export function hasValidCheck(word: string): boolean {
  if (word.length < 2 || ![...word].every((c) => CROCKFORD.includes(c))) return false;
  return checkSymbol(word.slice(0, -1)) === word.slice(-1);
}
