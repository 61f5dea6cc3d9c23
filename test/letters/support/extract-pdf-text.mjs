// Parses a PDF with pdfjs-dist and prints what a reader (or a screen reader) would get out of it, as JSON:
// { numPages, title, language, pages: [[{ str, dir, x, y, width }]] } (x and y of the baseline start, in points). It runs as its own Node process because pdfjs-dist is ESM-only and
// Jest's CommonJS runtime cannot import it (see pdf-inspection.ts).
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await getDocument({ data, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
const { info } = await pdf.getMetadata();
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  pages.push(
    content.items
      .filter((item) => 'str' in item && item.str.trim() !== '')
      .map((item) => ({ str: item.str, dir: item.dir, x: item.transform[4], y: item.transform[5], width: item.width })),
  );
}
process.stdout.write(JSON.stringify({ numPages: pdf.numPages, title: info?.Title ?? null, language: info?.Language ?? null, pages }));
await pdf.destroy();
