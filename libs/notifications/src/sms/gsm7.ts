/**
 * The GSM 03.38 default alphabet (one septet each) and its extension table (two septets: ESC + char).
 * ESC itself (0x1B) is not offered as a character.
 */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(Array.from(BASIC));
const extension = new Set(Array.from(EXTENSION));

/** Septets a character takes in GSM-7, or 0 when GSM-7 cannot carry it. */
export function gsmSeptets(char: string): 0 | 1 | 2 {
  if (basic.has(char)) return 1;
  if (extension.has(char)) return 2;
  return 0;
}

export function isGsm7(text: string): boolean {
  for (const ch of text) if (gsmSeptets(ch) === 0) return false;
  return true;
}

/** Typographic characters our templates and Intl produce, mapped to what GSM-7 carries. */
const TYPOGRAPHY: Record<string, string> = {
  '\u2019': "'", '\u2018': "'", '\u201C': '"', '\u201D': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2013': '-', '\u2014': '-', '\u2026': '...', '\u00A0': ' ', '\u202F': ' ', '\u2009': ' ',
  '\u200E': '', '\u200F': '', '\u00E7': 'c',
};

/**
 * Folds Latin text into GSM-7 where it can: typographic quotes and spaces to plain ones, and accented letters
 * GSM-7 lacks (ê, ç, á, ó, ú...) to their base letter, keeping those it has (é, è, à, ñ, ü).
 * One accent outside GSM-7 would otherwise switch the whole message to UCS-2 and cut its room from 160 to 70.
 * Characters with no Latin base (Arabic) are left as they are, and the message goes as UCS-2.
 */
export function foldToGsm7(text: string): string {
  let out = '';
  for (const ch of text) {
    if (gsmSeptets(ch) > 0) out += ch;
    else if (ch in TYPOGRAPHY) out += TYPOGRAPHY[ch];
    else {
      const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
      out += base.length > 0 && isGsm7(base) ? base : ch;
    }
  }
  return out;
}
