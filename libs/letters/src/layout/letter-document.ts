import PDFDocument from 'pdfkit';
import type { Language } from '../language';
import { fontFaces } from './fonts';

export interface LetterDocument {
  doc: PDFKit.PDFDocument;
  /** Resolves with the whole PDF once `doc.end()` has been called. */
  done: Promise<Buffer>;
}

/**
 * A new A4 document with Masar's faces registered. The creation date is the letter's own date, not the clock, so
 * rendering the same letter twice gives the same bytes: a worker that re-runs a job stores an identical document.
 */
export function createLetterDocument(options: { language: Language; title: string; date: Date }): LetterDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    lang: options.language,
    displayTitle: true,
    info: { Title: options.title, Author: 'Masar', Creator: 'Masar', Producer: 'Masar', CreationDate: options.date },
  });
  for (const [name, data] of fontFaces()) doc.registerFont(name, data);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
