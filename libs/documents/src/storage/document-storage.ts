import type { Readable } from 'node:stream';

/** What storage knows about stored content: its address (the SHA-256 of the bytes) and its length. */
export interface StoredContent {
  sha256: string;
  sizeBytes: number;
}

/**
 * Where document bytes live. Content-addressed: the key is the SHA-256 of the bytes, so a key can never be chosen
 * by a user and the same bytes are stored once. Adapters write atomically (a reader never sees half a file) and
 * enforce the size limit while the bytes stream in (never holding a whole upload in memory).
 */
export abstract class DocumentStorage {
  /** Stores the bytes; throws DOCUMENTS_TOO_LARGE (413) and keeps nothing once more than `maxBytes` arrived. */
  abstract put(source: AsyncIterable<Buffer | Uint8Array>, limits: { maxBytes: number }): Promise<StoredContent>;

  /** A stream of the stored bytes; throws DOCUMENTS_CONTENT_MISSING when they are gone. */
  abstract open(sha256: string): Promise<Readable>;

  abstract exists(sha256: string): Promise<boolean>;

  /**
   * Deletes the content whatever its age (retention: the file's time is over). Idempotent: content already gone is
   * not an error. The caller makes sure no kept document still uses the same bytes (they are content-addressed).
   */
  abstract remove(sha256: string): Promise<void>;

  /** Stored content last written before `before` (candidates for the sweep of unreferenced content). */
  abstract listWrittenBefore(before: Date): AsyncIterable<string>;

  /** Deletes the content if it was last written before `before` (a fresh write of the same bytes is kept). */
  abstract removeIfWrittenBefore(sha256: string, before: Date): Promise<boolean>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
