import bidiFactory from 'bidi-js';
import type { WritingDirection } from '../language';
import { faceFor, shapesRightToLeft, type Weight } from './fonts';

const bidi = bidiFactory();

/**
 * A piece of a paragraph that is measured and drawn in one go: a word, or the part of a word in one face at one
 * bidi level (so "MA-7K3Q" inside an Arabic sentence, or a closing bracket after an Arabic word, are runs of their
 * own), or a single space.
 */
export interface Run {
  text: string;
  face: string;
  /** The resolved bidi embedding level; odd means right to left. */
  level: number;
  isSpace: boolean;
}

/** Where a line may break. A no-break space (French "dossier\u00a0:") is part of the word around it. */
const SPACE = /[ \t]/u;

/**
 * Splits one paragraph (no line breaks) into runs, in logical order. Levels are resolved by the Unicode
 * Bidirectional Algorithm over the whole paragraph, with the letter's direction as the paragraph direction.
 *
 * Why not hand whole lines to pdfkit: pdfkit lays text out one space-separated word at a time and concatenates the
 * words in logical order, so a multi-word Arabic line comes out with its words left to right and spaces misplaced.
 * Runs without spaces are safe: fontkit shapes and reverses each one correctly, and we place them ourselves.
 */
export function splitIntoRuns(text: string, direction: WritingDirection, weight: Weight): Run[] {
  const { levels } = bidi.getEmbeddingLevels(text, direction);
  const runs: Run[] = [];
  let current: Run | undefined;
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const isSpace = SPACE.test(char);
    const level = levels[i];
    const face = faceFor(char, weight, current?.face);
    if (current && !isSpace && !current.isSpace && current.level === level && current.face === face) {
      current.text += char;
    } else {
      current = { text: isSpace ? ' ' : char, face, level, isSpace };
      runs.push(current);
    }
    i += char.length;
  }
  return runs;
}

/**
 * Puts the runs of one line into visual order (left to right on the page), by rule L2 of the bidi algorithm: from
 * the highest level down to the lowest odd level, reverse every maximal sequence of runs at that level or higher.
 */
export function visualOrder(line: readonly Run[]): Run[] {
  const runs = [...line];
  if (runs.length === 0) return runs;
  const highest = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let start = 0; start < runs.length; ) {
      if (runs[start].level < level) {
        start++;
        continue;
      }
      let end = start;
      while (end + 1 < runs.length && runs[end + 1].level >= level) end++;
      const reversed = runs.slice(start, end + 1).reverse();
      runs.splice(start, reversed.length, ...reversed);
      start = end + 1;
    }
  }
  return runs;
}

/**
 * The string to give pdfkit for a run so that its glyphs come out in visual order. fontkit reverses any
 * Arabic-script string itself; everything else it lays out left to right. So a right-to-left run of punctuation
 * ("):") is reversed (and its brackets mirrored) here, and a left-to-right run in Arabic script (Arabic-Indic
 * digits, which the bidi algorithm keeps left to right) is pre-reversed so that fontkit's reversal restores it.
 */
export function textToShape(run: Run): string {
  const rightToLeft = run.level % 2 === 1;
  if (rightToLeft === shapesRightToLeft(run.text)) return run.text;
  const chars = Array.from(run.text).reverse();
  return rightToLeft ? chars.map((c) => bidi.getMirroredCharacter(c) ?? c).join('') : chars.join('');
}
