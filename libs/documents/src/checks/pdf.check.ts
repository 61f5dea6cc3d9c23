import { PDFDocument } from 'pdf-lib';
import { passed, rejected, type Finding } from './finding';

/**
 * A PDF must parse, must not be encrypted (a caseworker must be able to open it, and an encrypted file cannot be
 * scanned or archived reliably) and must have at least one page. Magic bytes alone only prove it starts as a PDF.
 */
export async function checkPdf(bytes: Uint8Array): Promise<Finding> {
  let doc: PDFDocument;
  try {
    // ignoreEncryption lets us load an encrypted file to say so, instead of reporting it as unreadable.
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: true, updateMetadata: false });
  } catch {
    return rejected('content', 'pdf_unreadable', 'The file starts like a PDF but cannot be read as one.');
  }
  if (doc.isEncrypted) return rejected('content', 'pdf_encrypted', 'The PDF is encrypted or password-protected.');
  let pages = 0;
  try {
    pages = doc.getPageCount();
  } catch {
    return rejected('content', 'pdf_unreadable', 'The page tree of the PDF cannot be read.');
  }
  if (pages < 1) return rejected('content', 'pdf_no_pages', 'The PDF has no pages.');
  return passed('content');
}
