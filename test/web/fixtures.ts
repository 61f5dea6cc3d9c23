import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';

/** A real one-page PDF, as a scanned document would be (the document checks parse it and count its pages). */
export async function pdfDocument(title: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText(title, { x: 60, y: 760, size: 20, font });
  page.drawText(`Generated for the Masar browser tests at ${new Date().toISOString()}`, { x: 60, y: 730, size: 10, font });
  return Buffer.from(await pdf.save());
}

/** A photo big enough for the resolution check: a JPEG of a plain face-shaped picture. */
export async function photo(seed = 0): Promise<Buffer> {
  const width = 900;
  const height = 1200;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="rgb(${200 + (seed % 50)},210,220)"/><ellipse cx="450" cy="520" rx="230" ry="300" fill="#c68642"/><rect x="250" y="850" width="400" height="350" fill="#2d3e50"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** A day as YYYY-MM-DD, `years` from today. */
export function dayFromNow(years: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}
