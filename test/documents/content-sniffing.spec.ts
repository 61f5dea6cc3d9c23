import { ContentTypeGate } from '../../libs/documents/src/content/content-type-gate';
import { recogniseContentType, sniffContentType } from '../../libs/documents/src/content/content-type';
import { DomainError } from '@masar/errors';
import { chunksOf, collect, EICAR, image, pdfWithPages, windowsExecutable } from './fixtures';

describe('content sniffing: the type comes from the bytes, never from the name', () => {
  it('recognises the four accepted types by their magic bytes', async () => {
    expect(sniffContentType(await pdfWithPages())).toBe('application/pdf');
    expect(sniffContentType(await image('jpeg', 20, 20))).toBe('image/jpeg');
    expect(sniffContentType(await image('png', 20, 20))).toBe('image/png');
    expect(sniffContentType(await image('webp', 20, 20))).toBe('image/webp');
  });

  it('refuses a Windows executable, a GIF, a ZIP and plain text', async () => {
    expect(sniffContentType(windowsExecutable())).toBeNull();
    expect(sniffContentType(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'))).toBeNull();
    expect(sniffContentType(Buffer.from('504b0304140000000800', 'hex'))).toBeNull();
    expect(sniffContentType(EICAR)).toBeNull();
  });

  it('recognises an iPhone HEIC photo but does not accept it', async () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1')]);
    expect(recogniseContentType(heic)).toBe('image/heic');
    expect(sniffContentType(heic)).toBeNull();
  });

  it('a file that only names itself .pdf in its first bytes but is text is refused', () => {
    expect(sniffContentType(Buffer.from('This is a PDF, trust me'))).toBeNull();
  });

  it('the gate passes an accepted upload through byte for byte, in pieces smaller than the sniffing window', async () => {
    const pdf = await pdfWithPages(3);
    const gate = new ContentTypeGate();
    const out = await collect(gate.pass(chunksOf(pdf, 100)));
    expect(out.equals(pdf)).toBe(true);
    expect(gate.contentType).toBe('application/pdf');
  });

  it('the gate refuses an executable renamed .pdf with 415 before reading the rest of the upload', async () => {
    let piecesRead = 0;
    async function* upload() {
      const exe = Buffer.concat([windowsExecutable(), Buffer.alloc(1_000_000)]);
      for await (const c of chunksOf(exe, 1024)) {
        piecesRead++;
        yield c;
      }
    }
    const gate = new ContentTypeGate();
    const err = await collect(gate.pass(upload())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).status).toBe(415);
    expect((err as DomainError).code).toBe('DOCUMENTS_UNSUPPORTED_TYPE');
    // About 4 KiB were needed to decide, not the whole megabyte.
    expect(piecesRead).toBeLessThan(10);
  });

  it('a kind that takes only images refuses a PDF', async () => {
    const gate = new ContentTypeGate(['image/jpeg', 'image/png', 'image/webp']);
    await expect(collect(gate.pass(chunksOf(await pdfWithPages())))).rejects.toMatchObject({ status: 415 });
  });
});
