import { checkImage } from '../../libs/documents/src/checks/image.check';
import { checkPdf } from '../../libs/documents/src/checks/pdf.check';
import { checkHash } from '../../libs/documents/src/checks/hash.check';
import { createHash } from 'node:crypto';
import { chunksOf, encryptedPdf, fakePdf, image, pdfWithoutPages, pdfWithPages } from './fixtures';

describe('content check: a PDF is really a readable PDF', () => {
  it('passes a PDF with pages', async () => {
    expect(await checkPdf(await pdfWithPages(2))).toEqual({ check: 'content', outcome: 'passed' });
  });

  it('rejects an encrypted PDF', async () => {
    expect(await checkPdf(await encryptedPdf())).toMatchObject({ outcome: 'rejected', reason: 'pdf_encrypted' });
  });

  it('rejects a PDF without pages', async () => {
    expect(await checkPdf(await pdfWithoutPages())).toMatchObject({ outcome: 'rejected', reason: 'pdf_no_pages' });
  });

  it('rejects bytes that only start like a PDF', async () => {
    const finding = await checkPdf(fakePdf());
    expect(finding.outcome).toBe('rejected');
    expect(['pdf_unreadable', 'pdf_no_pages']).toContain((finding as { reason: string }).reason);
  });

  it('rejects a PDF cut off half-way (an interrupted scan upload)', async () => {
    const pdf = await pdfWithPages(3);
    expect((await checkPdf(pdf.subarray(0, Math.floor(pdf.length / 2)))).outcome).toBe('rejected');
  });
});

describe('content check: an image decodes and is large enough to read', () => {
  const scan = { shortSide: 700, longSide: 1000 };

  it.each(['jpeg', 'png', 'webp'] as const)('passes a %s scan of 1240 x 1754 pixels (A4 at 150 dpi)', async (format) => {
    expect(await checkImage(await image(format, 1240, 1754), scan)).toEqual({ check: 'content', outcome: 'passed' });
  });

  it('accepts a scan in landscape as well as portrait', async () => {
    expect((await checkImage(await image('jpeg', 1754, 1240), scan)).outcome).toBe('passed');
  });

  it('rejects a thumbnail as too small, saying the size it has and the size it needs', async () => {
    const finding = await checkImage(await image('jpeg', 320, 240), scan);
    expect(finding).toMatchObject({ outcome: 'rejected', reason: 'image_too_small' });
    expect((finding as { detail: string }).detail).toContain('320 x 240');
  });

  it('rejects a truncated JPEG that only has a valid header', async () => {
    const jpeg = await image('jpeg', 1240, 1754);
    expect(await checkImage(jpeg.subarray(0, 400), scan)).toMatchObject({ outcome: 'rejected', reason: 'image_undecodable' });
  });
});

describe('hash check: the stored bytes are the uploaded ones', () => {
  it('passes identical bytes and rejects one changed byte', async () => {
    const pdf = await pdfWithPages();
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    expect((await checkHash(chunksOf(pdf), sha256)).outcome).toBe('passed');
    const tampered = Buffer.from(pdf);
    tampered[tampered.length - 10] ^= 0xff;
    expect(await checkHash(chunksOf(tampered), sha256)).toMatchObject({ outcome: 'rejected', reason: 'hash_mismatch' });
  });
});
