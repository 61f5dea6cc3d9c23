import type { WritingDirection } from '../language';
import { splitIntoRuns, textToShape, visualOrder, type Run } from './bidi-line';
import { faceScale, isArabicFace, type Weight } from './fonts';

export interface TextStyle {
  size: number;
  weight?: Weight;
  color?: string;
}

/**
 * A column of the page, measured from the start edge of the writing direction (the left edge in French, the right
 * edge in Arabic), so that one layout serves both directions.
 */
export interface Column {
  /** Distance from the start margin, in points. */
  offset: number;
  width: number;
}

export interface ParagraphOptions {
  column?: Column;
  align?: 'start' | 'center';
  /** Space after the paragraph, in points. */
  after?: number;
}

/**
 * Line metrics, in ems of the nominal size. Noto Sans rises 1.069 em above the baseline and descends 0.293 em;
 * Naskh, scaled by 1.15 (see faceScale), rises 1.23 em and descends 0.73 em. The baseline sits at the same depth on
 * every line of a page, whatever its script, so that a bullet lines up with the Arabic text beside it.
 */
const BASELINE: Readonly<Record<WritingDirection, number>> = { ltr: 1.1, rtl: 1.2 };
const LINE_HEIGHT_LATIN = 1.45;
const LINE_HEIGHT_ARABIC = 1.85;

/**
 * Writes text down a page, in either direction, with its own line breaking and bidi ordering (see bidi-line.ts for
 * why pdfkit's own text flow cannot be used for Arabic). Adds pages as needed.
 */
export class PageWriter {
  y: number;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    readonly direction: WritingDirection,
  ) {
    this.y = doc.page.margins.top;
  }

  get contentWidth(): number {
    const { width, margins } = this.doc.page;
    return width - margins.left - margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** The page x of a point `offset` from the start margin, for a box `width` wide that begins there. */
  x(offset: number, width: number): number {
    const { margins } = this.doc.page;
    return this.direction === 'ltr' ? margins.left + offset : this.doc.page.width - margins.right - offset - width;
  }

  moveDown(points: number): void {
    this.y += points;
  }

  /** Starts a new page when `height` does not fit on this one. */
  ensureSpace(height: number): void {
    if (this.y + height > this.bottom) {
      this.doc.addPage();
      this.y = this.doc.page.margins.top;
    }
  }

  /** The width of a text set on one line. */
  measure(text: string, style: TextStyle): number {
    return this.width(splitIntoRuns(text, this.direction, style.weight ?? 'regular'), style.size);
  }

  /** Sets a paragraph, wrapped to the column; returns its height. Newlines start new paragraphs. */
  paragraph(text: string, style: TextStyle, options: ParagraphOptions = {}): number {
    const column = options.column ?? { offset: 0, width: this.contentWidth };
    const startY = this.y;
    for (const para of text.split(/\n+/)) {
      const normalised = para.replace(/[ \t\r\f\v]+/g, ' ').trim();
      if (!normalised) continue;
      const runs = splitIntoRuns(normalised, this.direction, style.weight ?? 'regular');
      for (const line of this.wrap(runs, column.width, style.size)) {
        const height = style.size * (line.some((r) => isArabicFace(r.face)) ? LINE_HEIGHT_ARABIC : LINE_HEIGHT_LATIN);
        this.ensureSpace(height);
        this.drawLine(line, style, column, options.align ?? 'start');
        this.y += height;
      }
    }
    this.y += options.after ?? 0;
    return this.y - startY;
  }

  /** The height a paragraph would take in a column, without drawing it. */
  height(text: string, style: TextStyle, column: Column = { offset: 0, width: this.contentWidth }): number {
    let total = 0;
    for (const para of text.split(/\n+/)) {
      const normalised = para.replace(/[ \t\r\f\v]+/g, ' ').trim();
      if (!normalised) continue;
      for (const line of this.wrap(splitIntoRuns(normalised, this.direction, style.weight ?? 'regular'), column.width, style.size)) {
        total += style.size * (line.some((r) => isArabicFace(r.face)) ? LINE_HEIGHT_ARABIC : LINE_HEIGHT_LATIN);
      }
    }
    return total;
  }

  /** One list item: a bullet at the start edge, the text indented after it and wrapped under itself. */
  bullet(text: string, style: TextStyle, marker = '•'): void {
    const indent = style.size * 1.5;
    // An item is not split between two pages (unless it is longer than a page).
    this.ensureSpace(Math.min(this.height(text, style, { offset: indent, width: this.contentWidth - indent }), this.bottom - this.doc.page.margins.top));
    const top = this.y;
    this.paragraph(marker, style, { column: { offset: 2, width: indent } });
    this.y = top;
    this.paragraph(text, style, { column: { offset: indent, width: this.contentWidth - indent }, after: 2 });
  }

  /** A horizontal rule across the column. */
  rule(column: Column = { offset: 0, width: this.contentWidth }, after = 8): void {
    const x = this.x(column.offset, column.width);
    this.doc.save().lineWidth(0.6).strokeColor('#888888').moveTo(x, this.y).lineTo(x + column.width, this.y).stroke().restore();
    this.y += after;
  }

  private width(runs: readonly Run[], size: number): number {
    return runs.reduce((sum, run) => sum + this.runWidth(run, size), 0);
  }

  private runWidth(run: Run, size: number): number {
    return this.doc.font(run.face).fontSize(size * faceScale(run.face)).widthOfString(textToShape(run));
  }

  /** Greedy line breaking at spaces, in logical order; a word longer than the line is cut between characters. */
  private wrap(runs: readonly Run[], maxWidth: number, size: number): Run[][] {
    const words: Run[][] = [];
    let word: Run[] = [];
    for (const run of runs) {
      if (run.isSpace) {
        if (word.length) words.push(word);
        words.push([run]);
        word = [];
      } else {
        word.push(run);
      }
    }
    if (word.length) words.push(word);

    const lines: Run[][] = [];
    let line: Run[] = [];
    let lineWidth = 0;
    for (const w of words) {
      const isSpace = w.length === 1 && w[0].isSpace;
      const width = this.width(w, size);
      if (!isSpace && line.length && lineWidth + width > maxWidth) {
        lines.push(line);
        line = [];
        lineWidth = 0;
      }
      if (isSpace && line.length === 0) continue;
      if (!isSpace && width > maxWidth) {
        for (const piece of this.cut(w, maxWidth, size)) {
          if (line.length) lines.push(line);
          line = piece;
          lineWidth = this.width(piece, size);
        }
        continue;
      }
      line.push(...w);
      lineWidth += width;
    }
    if (line.length) lines.push(line);
    return lines.map((l) => trimSpaces(l));
  }

  /** Cuts a too-long word (a URL, say) into pieces that fit, splitting runs between characters. */
  private cut(word: readonly Run[], maxWidth: number, size: number): Run[][] {
    const pieces: Run[][] = [];
    let piece: Run[] = [];
    let width = 0;
    for (const run of word) {
      for (const char of Array.from(run.text)) {
        const one: Run = { ...run, text: char };
        const w = this.runWidth(one, size);
        if (piece.length && width + w > maxWidth) {
          pieces.push(mergeRuns(piece));
          piece = [];
          width = 0;
        }
        piece.push(one);
        width += w;
      }
    }
    if (piece.length) pieces.push(mergeRuns(piece));
    return pieces;
  }

  private drawLine(line: readonly Run[], style: TextStyle, column: Column, align: 'start' | 'center'): void {
    const ordered = visualOrder(line);
    const total = this.width(ordered, style.size);
    const columnLeft = this.x(column.offset, column.width);
    let x: number;
    if (align === 'center') x = columnLeft + (column.width - total) / 2;
    else x = this.direction === 'ltr' ? columnLeft : columnLeft + column.width - total;
    const baseline = this.y + style.size * BASELINE[this.direction];
    this.doc.fillColor(style.color ?? '#000000');
    for (const run of ordered) {
      const width = this.runWidth(run, style.size);
      if (!run.isSpace) drawRunWithText(this.doc, run, x, baseline, style.size);
      x += width;
    }
  }
}

/**
 * Shaped Arabic is a sequence of contextual glyphs (and of dots split off their letters by the font's ccmp), which
 * maps back to no sensible text. The run's own text goes along as ActualText, so that copying, searching and screen
 * readers get the words, not the glyph soup.
 */
function drawRunWithText(doc: PDFKit.PDFDocument, run: Run, x: number, baseline: number, size: number): void {
  const actual = isArabicFace(run.face);
  if (actual) doc.markContent('Span', { actual: run.text });
  doc.font(run.face).fontSize(size * faceScale(run.face)).text(textToShape(run), x, baseline, { lineBreak: false, baseline: 'alphabetic' });
  if (actual) doc.endMarkedContent();
}

function trimSpaces(line: Run[]): Run[] {
  let start = 0;
  let end = line.length;
  while (start < end && line[start].isSpace) start++;
  while (end > start && line[end - 1].isSpace) end--;
  return line.slice(start, end);
}

/** Joins neighbouring single-character runs that share face and level back into one run, so they shape together. */
function mergeRuns(runs: readonly Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && last.face === run.face && last.level === run.level && !last.isSpace && !run.isSpace) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}
