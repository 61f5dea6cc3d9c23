import { createHmac, timingSafeEqual } from 'node:crypto';

export interface CheckpointStatement {
  seq: string;
  headHash: string;
  /** ISO 8601, UTC, milliseconds. */
  createdAt: string;
}

/** HMAC-SHA256 over a fixed, labelled statement, so a signature made for anything else never matches. */
export function signCheckpoint(key: Buffer, c: CheckpointStatement): string {
  return createHmac('sha256', key).update(`masar.audit.checkpoint|${c.seq}|${c.headHash}|${c.createdAt}`, 'utf8').digest('hex');
}

export function checkpointSignatureValid(key: Buffer, c: CheckpointStatement, signature: string): boolean {
  const expected = Buffer.from(signCheckpoint(key, c), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
