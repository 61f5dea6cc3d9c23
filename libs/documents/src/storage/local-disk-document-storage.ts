import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import { DocumentErrors } from '../documents.errors';
import { decryptBlob, encryptBlob, type BlobKeys } from './blob-cipher';
import { DocumentStorage, SHA256_HEX, type StoredContent } from './document-storage';

/**
 * Documents on a local disk under `config.storage.dir`, at `ab/cd/<sha256 of the plaintext>`, encrypted with the
 * configured data keys (blob-cipher.ts). A write goes to a temporary file in that same directory tree (same file
 * system, so the rename is atomic), is fsynced, then renamed into place and the directory fsynced: after a crash
 * there is either the whole file under its hash or no file, never a torn one.
 */
@Injectable()
export class LocalDiskDocumentStorage extends DocumentStorage {
  private readonly root: string;
  private readonly keys: BlobKeys;

  constructor(@Inject(MASAR_CONFIG) config: { storage: MasarConfig['storage']; crypto: Pick<MasarConfig['crypto'], 'dataKeys' | 'currentKeyId'> }) {
    super();
    this.root = config.storage.dir;
    this.keys = { dataKeys: config.crypto.dataKeys, currentKeyId: config.crypto.currentKeyId };
  }

  async put(source: AsyncIterable<Buffer | Uint8Array>, limits: { maxBytes: number }): Promise<StoredContent> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    const temp = join(this.root, `.incoming-${randomUUID()}`);
    const hash = createHash('sha256');
    let size = 0;
    let handle: FileHandle | null = await open(temp, 'wx', 0o600);
    // The limit and the hash apply to the plaintext as it arrives, before encryption.
    async function* measured(): AsyncGenerator<Buffer> {
      for await (const chunk of source) {
        size += chunk.length;
        if (size > limits.maxBytes) throw DocumentErrors.tooLarge(limits.maxBytes);
        hash.update(chunk);
        yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      }
    }
    try {
      for await (const sealed of encryptBlob(measured(), this.keys)) await handle.write(sealed);
      await handle.sync();
      await handle.close();
      handle = null;
      const sha256 = hash.digest('hex');
      const dir = this.dirOf(sha256);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Same bytes already stored: renaming over them is still atomic and leaves the same plaintext (new salt).
      await rename(temp, join(dir, sha256));
      await fsyncDir(dir);
      return { sha256, sizeBytes: size };
    } catch (err) {
      await handle?.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
      throw err;
    }
  }

  async open(sha256: string): Promise<Readable> {
    const path = this.pathOf(sha256);
    if (!(await this.exists(sha256))) throw DocumentErrors.contentMissing();
    return Readable.from(decryptBlob(createReadStream(path, { highWaterMark: 64 * 1024 }), this.keys), { objectMode: false });
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  async *listWrittenBefore(before: Date): AsyncGenerator<string> {
    const level = async (dir: string): Promise<string[]> => {
      try {
        return (await readdir(dir)).sort();
      } catch {
        return [];
      }
    };
    for (const a of await level(this.root)) {
      // Temporary files of uploads that died mid-way (a killed process) are removed here too.
      if (a.startsWith('.incoming-')) {
        const p = join(this.root, a);
        const s = await stat(p).catch(() => null);
        if (s && s.mtime < before) await unlink(p).catch(() => undefined);
        continue;
      }
      if (!/^[0-9a-f]{2}$/.test(a)) continue;
      for (const b of await level(join(this.root, a))) {
        for (const name of await level(join(this.root, a, b))) {
          if (!SHA256_HEX.test(name)) continue;
          const s = await stat(join(this.root, a, b, name)).catch(() => null);
          if (s && s.mtime < before) yield name;
        }
      }
    }
  }

  async remove(sha256: string): Promise<void> {
    try {
      await unlink(this.pathOf(sha256));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }

  async removeIfWrittenBefore(sha256: string, before: Date): Promise<boolean> {
    const path = this.pathOf(sha256);
    const s = await stat(path).catch(() => null);
    if (!s || s.mtime >= before) return false;
    await unlink(path);
    return true;
  }

  private dirOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4));
  }

  /** The only way to a path: from a validated hash, so no input can point outside the storage directory. */
  private pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error('not a SHA-256 hex digest');
    return join(this.dirOf(sha256), sha256);
  }
}

/** Makes the rename itself durable (the new directory entry), not only the file's bytes. */
async function fsyncDir(dir: string): Promise<void> {
  const h = await open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}
