import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
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

const LITERAL_ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '\\': 92, '(': 40, ')': 41 };

/** The bytes of a PDF literal string body, with its backslash escapes undone. */
function literalBytes(body: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') {
      bytes.push(body.charCodeAt(i));
      continue;
    }
    const next = body[++i];
    const octal = /^[0-7]{1,3}/.exec(body.slice(i));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += octal[0].length - 1;
    } else if (next in LITERAL_ESCAPES) bytes.push(LITERAL_ESCAPES[next]);
  }
  return Buffer.from(bytes);
}

/**
 * The ActualText of every marked-content span on the pages, in drawing order: the words a PDF reader copies and a
 * screen reader speaks for shaped Arabic, where pdfjs-dist's text extraction only sees glyphs.
 */
export function actualTexts(pdf: Buffer): string[] {
  const texts: string[] = [];
  const raw = pdf.toString('latin1');
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1');
    } catch {
      continue; // Not a Flate stream (or not a content stream): nothing to read here.
    }
    for (const span of content.matchAll(/\/ActualText\s*\(((?:\\[\s\S]|[^\\)])*)\)/g)) {
      const bytes = literalBytes(span[1]);
      const utf16 = bytes[0] === 0xfe && bytes[1] === 0xff;
      texts.push(utf16 ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1'));
    }
  }
  return texts;
}
