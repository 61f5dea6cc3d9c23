import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Application-layer encryption of the most sensitive fields (document numbers, dates of birth, contact details):
 * AES-256-GCM with a fresh 96-bit nonce, the key id written beside the cipher text so that keys can rotate (new
 * writes use the current key; every listed key still decrypts), and the field's name as associated data so that a
 * cipher text copied into another column does not decrypt.
 *
 * Format: `v1.<keyId>.<nonce>.<tag>.<ciphertext>`, base64url parts.
 */
export class FieldCipher {
  constructor(
    private readonly keys: Record<string, Buffer>,
    private readonly currentKeyId: string,
  ) {
    if (!keys[currentKeyId]) throw new Error(`The current data key "${currentKeyId}" is not configured`);
    for (const [id, k] of Object.entries(keys)) if (k.length !== 32) throw new Error(`Data key "${id}" is not 32 bytes`);
  }

  encrypt(plain: string, field: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys[this.currentKeyId]!, nonce);
    cipher.setAAD(Buffer.from(field));
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', this.currentKeyId, nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  }

  encryptNullable(plain: string | null | undefined, field: string): string | null {
    return plain === null || plain === undefined || plain === '' ? null : this.encrypt(plain, field);
  }

  decrypt(envelope: string, field: string): string {
    const [v, keyId, nonce, tag, ct] = envelope.split('.');
    if (v !== 'v1' || !keyId || nonce === undefined || tag === undefined || ct === undefined) throw new Error('Not a Masar field cipher text');
    const key = this.keys[keyId];
    if (!key) throw new Error(`Data key "${keyId}" is not configured: it is needed to read older data`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(field));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  decryptNullable(envelope: string | null | undefined, field: string): string | null {
    return envelope ? this.decrypt(envelope, field) : null;
  }

  /** The id of the key a value was written with: what a re-encryption job looks for. */
  static keyIdOf(envelope: string): string | null {
    const parts = envelope.split('.');
    return parts[0] === 'v1' ? (parts[1] ?? null) : null;
  }
}

/** Identity document numbers as written on different forms: case, spaces and dashes do not matter. */
export function normaliseDocumentNumber(n: string): string {
  return n.normalize('NFKC').toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/**
 * A keyed blind index for exact search on an encrypted value: an HMAC under a key of its own, so the index reveals
 * equality (what the search needs) and nothing else, and cannot be brute-forced without the key.
 */
export class BlindIndex {
  constructor(private readonly key: Buffer) {}

  documentNumber(n: string): string {
    return createHmac('sha256', this.key).update(`masar:document-number:v1:${normaliseDocumentNumber(n)}`).digest('hex');
  }
}
