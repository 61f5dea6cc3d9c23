import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Documents at rest are encrypted with the configured data keys (identity documents and medical certificates are
 * the most sensitive things Masar holds; a copied disk or backup must not give them away).
 *
 * Format (v1): `MSD1` | key id length (1 byte) | key id | salt (32 bytes) | records. A record is a 4-byte plaintext
 * length, the AES-256-GCM cipher text and its 16-byte tag. Each blob has its own key, HKDF-SHA256(data key, salt,
 * "masar/documents/v1"), so nonces never repeat across blobs; the nonce of a record is its 64-bit counter and a
 * last-record flag (the STREAM construction), so records cannot be reordered, dropped or the blob cut short without
 * the reader noticing. Records hold up to 64 KiB, so neither side ever holds a whole document in memory.
 */
export const RECORD_BYTES = 64 * 1024;
const MAGIC = Buffer.from('MSD1');
const SALT_BYTES = 32;
const TAG_BYTES = 16;
const INFO = Buffer.from('masar/documents/v1');

export interface BlobKeys {
  dataKeys: Record<string, Buffer>;
  currentKeyId: string;
}

/** The stored bytes failed their integrity check (changed, truncated or reordered on disk). */
export class StoredContentCorrupt extends Error {
  constructor(reason: string) {
    super(`stored document failed its integrity check: ${reason}`);
    this.name = 'StoredContentCorrupt';
  }
}

function blobKey(master: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', master, salt, INFO, 32));
}

function nonce(counter: bigint, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeBigUInt64BE(counter, 3);
  n[11] = last ? 1 : 0;
  return n;
}

/** Encrypts a stream of plaintext chunks into the v1 format, one record per 64 KiB. */
export async function* encryptBlob(plain: AsyncIterable<Buffer>, keys: BlobKeys): AsyncGenerator<Buffer> {
  const master = keys.dataKeys[keys.currentKeyId];
  if (!master) throw new Error(`the current data key "${keys.currentKeyId}" is not configured`);
  const keyId = Buffer.from(keys.currentKeyId);
  if (keyId.length > 255) throw new Error('data key id too long');
  const salt = randomBytes(SALT_BYTES);
  const key = blobKey(master, salt);
  yield Buffer.concat([MAGIC, Buffer.from([keyId.length]), keyId, salt]);

  let counter = 0n;
  const seal = (data: Buffer, last: boolean): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', key, nonce(counter++, last));
    const body = Buffer.concat([cipher.update(data), cipher.final()]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, body, cipher.getAuthTag()]);
  };
  // A record is sealed as "last" only once the input has ended, so one full record is held back at most.
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of plain) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    while (pending.length > RECORD_BYTES) {
      yield seal(pending.subarray(0, RECORD_BYTES), false);
      pending = pending.subarray(RECORD_BYTES);
    }
  }
  yield seal(pending, true);
}

/** Decrypts the v1 format, record by record; throws StoredContentCorrupt on any tampering or truncation. */
export async function* decryptBlob(stored: AsyncIterable<Buffer>, keys: BlobKeys): AsyncGenerator<Buffer> {
  let buf: Buffer = Buffer.alloc(0);
  const iterator = stored[Symbol.asyncIterator]();
  let ended = false;
  /** Makes at least n bytes available in buf; false when the stream ends first. */
  const fill = async (n: number): Promise<boolean> => {
    while (buf.length < n && !ended) {
      const next = await iterator.next();
      if (next.done) ended = true;
      else buf = buf.length ? Buffer.concat([buf, next.value]) : next.value;
    }
    return buf.length >= n;
  };

  if (!(await fill(MAGIC.length + 1)) || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw new StoredContentCorrupt('not a Masar document blob');
  const idLen = buf[MAGIC.length]!;
  const headerLen = MAGIC.length + 1 + idLen + SALT_BYTES;
  if (!(await fill(headerLen))) throw new StoredContentCorrupt('header cut short');
  const keyId = buf.subarray(MAGIC.length + 1, MAGIC.length + 1 + idLen).toString();
  const master = keys.dataKeys[keyId];
  if (!master) throw new Error(`data key "${keyId}" is not configured: it is needed to read older documents`);
  const key = blobKey(master, buf.subarray(MAGIC.length + 1 + idLen, headerLen));
  buf = buf.subarray(headerLen);

  let counter = 0n;
  for (;;) {
    if (!(await fill(4))) throw new StoredContentCorrupt('cut short before its last record');
    const len = buf.readUInt32BE(0);
    if (len > RECORD_BYTES) throw new StoredContentCorrupt('record too long');
    if (!(await fill(4 + len + TAG_BYTES))) throw new StoredContentCorrupt('record cut short');
    const body = buf.subarray(4, 4 + len);
    const tag = buf.subarray(4 + len, 4 + len + TAG_BYTES);
    buf = buf.subarray(4 + len + TAG_BYTES);
    // The last record is the one after which the file ends; its flag must say so (and no other's may).
    const last = !(await fill(1));
    const decipher = createDecipheriv('aes-256-gcm', key, nonce(counter++, last));
    decipher.setAuthTag(tag);
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw new StoredContentCorrupt(last ? 'last record does not authenticate (changed, or the blob was cut short)' : 'a record does not authenticate');
    }
    if (plain.length) yield plain;
    if (last) return;
  }
}
