import { readFileSync } from 'node:fs';
import { woffToSfnt } from './woff';

/**
 * The faces letters are set in. Noto Sans covers French, Spanish, English and names written in Latin Extended
 * letters; Noto Naskh Arabic covers Arabic with the OpenType tables (GSUB init/medi/fina, rlig, mark positioning)
 * that pdfkit's shaper, fontkit, needs to join letters. Fontsource ships them as WOFF subsets, unpacked here to
 * TrueType once per process (see woff.ts); pdfkit embeds a subset of the glyphs used.
 */
export type Weight = 'regular' | 'bold';

interface Face {
  /** The pdfkit font name, registered once per document. */
  name: string;
  pkg: '@fontsource/noto-sans' | '@fontsource/noto-naskh-arabic';
  /** The Fontsource subset, whose code point ranges are in the package's unicode.json. */
  subset: 'latin' | 'latin-ext' | 'arabic';
  file: string;
}

const face = (pkg: Face['pkg'], subset: Face['subset'], weight: 400 | 700): Face => {
  const family = pkg.slice('@fontsource/'.length);
  return { name: `${family}-${subset}-${weight}`, pkg, subset, file: `${pkg}/files/${family}-${subset}-${weight}-normal.woff` };
};

/** Tried in order for a character that is not Arabic script. */
const CHAIN: Readonly<Record<Weight, readonly Face[]>> = {
  regular: [face('@fontsource/noto-sans', 'latin', 400), face('@fontsource/noto-sans', 'latin-ext', 400)],
  bold: [face('@fontsource/noto-sans', 'latin', 700), face('@fontsource/noto-sans', 'latin-ext', 700)],
};

const ARABIC: Readonly<Record<Weight, Face>> = {
  regular: face('@fontsource/noto-naskh-arabic', 'arabic', 400),
  bold: face('@fontsource/noto-naskh-arabic', 'arabic', 700),
};

type Ranges = Array<[number, number]>;

function parseUnicodeRange(css: string): Ranges {
  return css.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from, 16), parseInt(to ?? from, 16)];
  });
}

interface Loaded {
  buffers: Map<string, Buffer>;
  ranges: Map<string, Ranges>;
}

let loaded: Loaded | undefined;

/** Font files and their ranges are read once per process; every document registers the same buffers. */
function load(): Loaded {
  if (!loaded) {
    const buffers = new Map<string, Buffer>();
    const ranges = new Map<string, Ranges>();
    for (const f of [...CHAIN.regular, ...CHAIN.bold, ARABIC.regular, ARABIC.bold]) {
      buffers.set(f.name, woffToSfnt(readFileSync(require.resolve(f.file))));
      const unicode = JSON.parse(readFileSync(require.resolve(`${f.pkg}/unicode.json`), 'utf8')) as Record<string, string>;
      ranges.set(f.name, parseUnicodeRange(unicode[f.subset]));
    }
    loaded = { buffers, ranges };
  }
  return loaded;
}

/** The faces to register with a new pdfkit document, by name. */
export function fontFaces(): ReadonlyMap<string, Buffer> {
  return load().buffers;
}

const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
/** Marks and format characters (ZWJ, ZWNJ, bidi marks) stay with the face of the letter they modify. */
const FOLLOWS_PREVIOUS = /[\p{M}\p{Cf}]/u;

function covers(ranges: Ranges, codePoint: number): boolean {
  return ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/**
 * The face for one character. Arabic script always goes to Naskh, so that a word is never split between two fonts
 * (a split breaks its joining); `previous` is the face of the preceding character.
 */
export function faceFor(char: string, weight: Weight, previous: string | undefined): string {
  if (ARABIC_SCRIPT.test(char)) return ARABIC[weight].name;
  if (previous && FOLLOWS_PREVIOUS.test(char)) return previous;
  const { ranges } = load();
  const codePoint = char.codePointAt(0)!;
  // Naskh last: it holds the Common-script characters of Arabic text, such as the Arabic comma and question mark.
  for (const f of [...CHAIN[weight], ARABIC[weight]]) {
    if (covers(ranges.get(f.name)!, codePoint)) return f.name;
  }
  // No face has it: the first face's .notdef box at least shows the reader that something is missing.
  return CHAIN[weight][0].name;
}

/** Whether fontkit will lay this text out right to left: it reverses the glyph run of any Arabic-script string. */
export function shapesRightToLeft(text: string): boolean {
  return ARABIC_SCRIPT.test(text);
}

/**
 * Naskh looks about a size smaller than Noto Sans at the same point size (its letters sit low, with long
 * descenders), so Arabic runs are set larger to read as the same size as the Latin text beside them.
 */
export function faceScale(face: string): number {
  return face === ARABIC.regular.name || face === ARABIC.bold.name ? 1.15 : 1;
}

export function isArabicFace(face: string): boolean {
  return face === ARABIC.regular.name || face === ARABIC.bold.name;
}
