import { createHash } from 'node:crypto';
import { StoredContentCorrupt } from '../storage/blob-cipher';
import { passed, rejected, type Finding } from './finding';

/**
 * The stored bytes are the ones uploaded: a disk fault or tampering after upload shows as a record that no longer
 * authenticates (encrypted storage) or as a different hash.
 */
export async function checkHash(content: AsyncIterable<Buffer | Uint8Array>, recordedSha256: string): Promise<Finding> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of content) hash.update(chunk);
  } catch (err) {
    if (err instanceof StoredContentCorrupt) return rejected('hash', 'hash_mismatch', 'The stored bytes fail their integrity check: they changed after upload.');
    throw err;
  }
  const actual = hash.digest('hex');
  return actual === recordedSha256
    ? passed('hash')
    : rejected('hash', 'hash_mismatch', 'The stored bytes no longer match the hash recorded at upload.');
}
