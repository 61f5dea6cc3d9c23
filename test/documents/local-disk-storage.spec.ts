import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoredContentCorrupt } from '../../libs/documents/src/storage/blob-cipher';
import { LocalDiskDocumentStorage } from '../../libs/documents/src/storage/local-disk-document-storage';
import { chunksOf, collect, pdfWithPages } from './fixtures';

/** Every file under a directory, recursively, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

describe('local-disk document storage', () => {
  let dir: string;
  let storage: LocalDiskDocumentStorage;
  const k1 = randomBytes(32);
  const storageWith = (dataKeys: Record<string, Buffer>, currentKeyId: string) =>
    new LocalDiskDocumentStorage({ storage: { dir, maxDocumentBytes: 1024 * 1024, maxDocumentsPerFile: 30 }, crypto: { dataKeys, currentKeyId } });
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'masar-docs-'));
    storage = storageWith({ k1 }, 'k1');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores the bytes encrypted under a path made from their SHA-256, with nothing else left behind', async () => {
    const pdf = await pdfWithPages(2);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const stored = await storage.put(chunksOf(pdf, 333), { maxBytes: 1024 * 1024 });
    expect(stored).toEqual({ sha256, sizeBytes: pdf.length });
    expect(await filesUnder(dir)).toEqual([`${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`]);
    const onDisk = await readFile(pathOf(sha256));
    // Nothing of the document is readable on disk: not the PDF header, not its text.
    expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);
    expect(onDisk.includes(pdf.subarray(200, 232))).toBe(false);
    expect((await stat(pathOf(sha256))).mode & 0o777).toBe(0o600);
    expect((await collect(await storage.open(sha256))).equals(pdf)).toBe(true);
  });

  it('round-trips a document of many 64 KiB records sent in odd-sized pieces', async () => {
    const big = randomBytes(300 * 1024 + 7);
    const { sha256 } = await storage.put(chunksOf(big, 10_001), { maxBytes: 1024 * 1024 });
    expect((await collect(await storage.open(sha256))).equals(big)).toBe(true);
  });

  it('refuses to return bytes that changed on disk, or a blob cut short', async () => {
    const big = randomBytes(200 * 1024);
    const { sha256 } = await storage.put(chunksOf(big), { maxBytes: 1024 * 1024 });
    const original = await readFile(pathOf(sha256));
    const changed = Buffer.from(original);
    changed[changed.length - 100] ^= 0x01;
    await writeFile(pathOf(sha256), changed);
    await expect(collect(await storage.open(sha256))).rejects.toBeInstanceOf(StoredContentCorrupt);
    // Cut exactly at a record boundary (header 4+1+2+32 bytes, each record 4+65536+16): the reader still notices.
    await writeFile(pathOf(sha256), original);
    await truncate(pathOf(sha256), 39 + (4 + 65536 + 16));
    await expect(collect(await storage.open(sha256))).rejects.toBeInstanceOf(StoredContentCorrupt);
  });

  it('reads a document written under an older key after the key rotated, and names a key it lacks', async () => {
    const pdf = await pdfWithPages(1);
    const { sha256 } = await storage.put(chunksOf(pdf), { maxBytes: 1024 * 1024 });
    const rotated = storageWith({ k2: randomBytes(32), k1 }, 'k2');
    expect((await collect(await rotated.open(sha256))).equals(pdf)).toBe(true);
    const lost = storageWith({ k2: randomBytes(32) }, 'k2');
    await expect(collect(await lost.open(sha256))).rejects.toThrow(/data key "k1" is not configured/);
  });

  it('removes content on request (retention), and removing it again is not an error', async () => {
    const { sha256 } = await storage.put(chunksOf(await pdfWithPages(1)), { maxBytes: 1024 * 1024 });
    await storage.remove(sha256);
    expect(await storage.exists(sha256)).toBe(false);
    await expect(storage.remove(sha256)).resolves.toBeUndefined();
    await expect(storage.open(sha256)).rejects.toMatchObject({ code: 'DOCUMENTS_CONTENT_MISSING' });
  });

  it('keeps one copy of the same bytes uploaded twice', async () => {
    const pdf = await pdfWithPages(1);
    const a = await storage.put(chunksOf(pdf), { maxBytes: 1024 * 1024 });
    const b = await storage.put(chunksOf(pdf), { maxBytes: 1024 * 1024 });
    expect(a.sha256).toBe(b.sha256);
    expect(await filesUnder(dir)).toHaveLength(1);
  });

  it('stops reading as soon as the limit is passed, answers 413 and deletes the partial file', async () => {
    let bytesPulled = 0;
    // 50 MiB offered in 64 KiB pieces; the limit is 1 MiB, so the upload must be cut off near 1 MiB.
    async function* hugeUpload() {
      const piece = Buffer.alloc(64 * 1024, 7);
      for (let i = 0; i < 800; i++) {
        bytesPulled += piece.length;
        yield piece;
      }
    }
    await expect(storage.put(hugeUpload(), { maxBytes: 1024 * 1024 })).rejects.toMatchObject({ status: 413, code: 'DOCUMENTS_TOO_LARGE' });
    expect(bytesPulled).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('accepts a file of exactly the limit', async () => {
    const stored = await storage.put(chunksOf(Buffer.alloc(4096, 1), 1000), { maxBytes: 4096 });
    expect(stored.sizeBytes).toBe(4096);
  });

  it('removes the temporary file when the upload breaks off mid-way', async () => {
    async function* brokenUpload() {
      yield Buffer.alloc(1000);
      throw new Error('connection reset by the client');
    }
    await expect(storage.put(brokenUpload(), { maxBytes: 1024 * 1024 })).rejects.toThrow('connection reset');
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('opens nothing outside its directory: a key that is not a SHA-256 is refused', async () => {
    await expect(storage.open('../../etc/passwd')).rejects.toThrow();
    expect(await storage.exists('../../etc/passwd')).toBe(false);
    await expect(storage.open('a'.repeat(64))).rejects.toMatchObject({ status: 404, code: 'DOCUMENTS_CONTENT_MISSING' });
  });
});
