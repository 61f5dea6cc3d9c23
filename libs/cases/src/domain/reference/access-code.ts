import { createHmac, timingSafeEqual } from 'node:crypto';
import { normaliseCrockford, randomCrockford } from './crockford';

/**
 * The second factor printed on the receipt: 10 random Crockford symbols (50 bits), shown once and stored only as an
 * HMAC under the access-code key. A random secret this long needs no slow password hash; the key keeps a stolen
 * table from being checked offline.
 */
const LENGTH = 10;

export function generateAccessCode(): string {
  const c = randomCrockford(LENGTH);
  return `${c.slice(0, 5)}-${c.slice(5)}`;
}

export function hashAccessCode(code: string, key: Buffer): string {
  return createHmac('sha256', key).update(`masar:access-code:v1:${normaliseCrockford(code)}`).digest('hex');
}

/** Constant-time comparison; a malformed code still costs one HMAC, so timing tells nothing. */
export function accessCodeMatches(code: string, storedHash: string, key: Buffer): boolean {
  const computed = Buffer.from(hashAccessCode(code, key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === computed.length && timingSafeEqual(computed, stored);
}
