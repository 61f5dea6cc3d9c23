import { createHash } from 'node:crypto';
import { passed, rejected, type Finding } from './finding';

/** The stored bytes are the ones uploaded: a disk fault or tampering after upload shows as a different hash. */
export async function checkHash(content: AsyncIterable<Buffer | Uint8Array>, recordedSha256: string): Promise<Finding> {
  const hash = createHash('sha256');
  for await (const chunk of content) hash.update(chunk);
  const actual = hash.digest('hex');
  return actual === recordedSha256
    ? passed('hash')
    : rejected('hash', 'hash_mismatch', 'The stored bytes no longer match the hash recorded at upload.');
}
