import { Inject, Injectable } from '@nestjs/common';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Deletes the stored bytes of documents and letters. The documents context's storage port has no delete yet, so
 * this follows its documented local-disk layout (`<storage dir>/ab/cd/<sha256>`); when that port grows a
 * `delete`, this class becomes a call to it. The bytes are encrypted at rest, so a copy left in a backup is
 * unreadable once the data keys of its time are retired.
 */
@Injectable()
export class StoredBlobShredder {
  private readonly root: string;

  constructor(@Inject(MASAR_CONFIG) config: MasarConfig) {
    this.root = config.storage.dir;
  }

  /** True when the bytes are gone (deleted now, or already missing). */
  async shred(sha256: string): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) throw new Error('not a content address');
    try {
      await unlink(join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
      throw e;
    }
  }
}
