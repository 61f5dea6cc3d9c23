import { PDFDocument } from 'pdf-lib';
import PDFKit from 'pdfkit';
import { randomInt, randomUUID } from 'node:crypto';
import sharp from 'sharp';

/**
 * Small, real files for the documents tests, built in memory so no binary fixture sits in the repository. Each call
 * gives different bytes (a random mark), so that two documents share bytes only where a test means them to (the
 * duplicate-file check would otherwise flag them).
 */

export async function pdfWithPages(pages = 1): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`Page ${i + 1} ${randomUUID()}`, { x: 50, y: 780 });
  return Buffer.from(await doc.save());
}

/** A PDF with no page at all: a valid, empty page tree (pdf-lib would add a blank page unless told not to). */
export async function pdfWithoutPages(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  return Buffer.from(await doc.save({ addDefaultPage: false }));
}

/** A password-protected PDF, as a scanner app or an applicant's bank would produce it. */
export function encryptedPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFKit({ userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' });
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    doc.text('Bank statement');
    doc.end();
  });
}

/** Starts like a PDF (so sniffing accepts it) but is nothing more. */
export function fakePdf(): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 0x41)]);
}

export function image(format: 'jpeg' | 'png' | 'webp', width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: randomInt(256), g: randomInt(256), b: randomInt(256) } } })
    .toFormat(format)
    .toBuffer();
}

/** A Windows executable: the DOS header `MZ`, its PE offset and the `PE\0\0` signature. */
export function windowsExecutable(): Buffer {
  const exe = Buffer.alloc(1024);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\0\0', 0x80, 'latin1');
  return exe;
}

/** The EICAR test file, 68 bytes, detected by every scanner by agreement (it is not a virus). */
export const EICAR = Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*', 'latin1');

export async function* chunksOf(bytes: Buffer, size = 1000): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

export async function collect(source: AsyncIterable<Buffer | Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of source) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

/** A valid one-page PDF that carries the EICAR string in an uncompressed stream, as a payload would ride in a PDF. */
export async function pdfCarryingEicar(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText(`Attestation ${randomUUID()}`, { x: 50, y: 780 });
  doc.context.register(doc.context.stream(EICAR));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
