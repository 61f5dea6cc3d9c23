import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import sharp from 'sharp';

const run = promisify(execFile);

export interface TextItem {
  str: string;
  dir: string;
  x: number;
  y: number;
  width: number;
}

export interface ParsedPdf {
  numPages: number;
  title: string | null;
  language: string | null;
  pages: TextItem[][];
  /** All the text of all pages, items joined by spaces: what a search in a PDF reader would look through. */
  text: string;
}

async function withTempPdf<T>(pdf: Buffer, use: (path: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'masar-letter-'));
  try {
    const path = join(dir, 'letter.pdf');
    await writeFile(path, pdf);
    return await use(path, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Parses the PDF with pdfjs-dist (as a browser's PDF viewer would) and returns its text items. pdfjs-dist is
 * ESM-only and Jest runs our tests as CommonJS, so the parsing happens in a plain Node child process.
 */
export async function parsePdf(pdf: Buffer): Promise<ParsedPdf> {
  return withTempPdf(pdf, async (path) => {
    const script = join(__dirname, 'extract-pdf-text.mjs');
    const { stdout } = await run(process.execPath, [script, path], { maxBuffer: 16 * 1024 * 1024 });
    const parsed = JSON.parse(stdout) as Omit<ParsedPdf, 'text'>;
    const text = parsed.pages
      .flat()
      .map((item) => item.str)
      .join(' ')
      .replace(/\s+/g, ' ');
    return { ...parsed, text };
  });
}

/** Renders one page to PNG with poppler's pdftoppm (installed by scripts/ci/pdf-tools.sh), as a printer would. */
export async function renderPageToPng(pdf: Buffer, page = 1, dpi = 110): Promise<Buffer> {
  return withTempPdf(pdf, async (path, dir) => {
    const out = join(dir, 'page');
    await run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', path, out]);
    return readFile(`${out}.png`);
  });
}

/** Decodes the QR code on a rendered page, as a phone camera would; null when there is none to read. */
export async function decodeQrCode(png: Buffer): Promise<string | null> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
  return code ? code.data : null;
}
