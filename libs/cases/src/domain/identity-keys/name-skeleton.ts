/**
 * A consonant skeleton of a name that Latin and Arabic spellings of the same name share: Mohamed, Mohammed,
 * Muhammad and محمد all give "mhmd"; Youssef, Yusuf and يوسف give "sf"; Abdelkader and عبد القادر give "bdlkdr".
 * Vowels (and the long vowels and semivowels ا و ي, and Latin y and w) carry most of the variation between
 * transliterations, so they go; letters Arabic distinguishes but French and English spellings merge (ق and ك, س
 * and ص, ش written ch or sh) are merged; doubled letters collapse. The key is stored beside the person and
 * searched exactly and by trigram similarity: a candidate finder, never an identity proof.
 */

const ARABIC: Record<string, string> = {
  'ب': 'b', 'ت': 't', 'ث': 't', 'ج': 'j', 'ح': 'h', 'خ': 'k', 'د': 'd', 'ذ': 'd', 'ر': 'r', 'ز': 'z',
  'س': 's', 'ش': 's', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z', 'غ': 'g', 'ف': 'f', 'ق': 'k', 'ك': 'k',
  'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'ڤ': 'f', 'پ': 'b', 'گ': 'g', 'ک': 'k',
  // Long vowels, semivowels, hamza carriers, ta marbuta and ayn leave no trace in Latin spellings.
  'ا': '', 'أ': '', 'إ': '', 'آ': '', 'ى': '', 'ئ': '', 'ؤ': '', 'ء': '', 'و': '', 'ي': '', 'ة': '', 'ع': '', 'ی': '',
};

/** Letters before which the l of the article assimilates (al-Rahman is said ar-Rahman, written Abderrahmane). */
const SUN_LETTERS = new Set('تثدذرزسشصضطظلن');

// Order matters: digraphs before single letters.
const LATIN_RULES: [RegExp, string][] = [
  [/kh/g, 'k'],
  [/gh/g, 'g'],
  [/sch/g, 's'],
  [/sh/g, 's'],
  [/ch/g, 's'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  [/ph/g, 'f'],
  [/dj/g, 'j'],
  [/ck/g, 'k'],
  [/q/g, 'k'],
  [/c/g, 'k'],
  [/x/g, 'ks'],
  [/v/g, 'f'],
  [/p/g, 'b'],
  [/[aeiouyw]/g, ''],
];

function isArabic(token: string): boolean {
  return /[\u0600-\u06FF]/.test(token);
}

function arabicToken(token: string): string {
  // Short vowels, shadda, sukun and tatweel are marks of pronunciation, not letters.
  let t = token.replace(/[\u064B-\u065F\u0670\u0640]/g, '');
  let out = '';
  if (t.startsWith('ال') && t.length > 2) {
    out = SUN_LETTERS.has(t[2]!) ? '' : 'l';
    t = t.slice(2);
  }
  for (const ch of t) out += ARABIC[ch] ?? '';
  return out;
}

function latinToken(token: string): string {
  let t = token.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
  for (const [re, rep] of LATIN_RULES) t = t.replace(re, rep);
  return t;
}

function collapse(s: string): string {
  return s.replace(/(.)\1+/g, '$1');
}

/** The skeleton of one name (several words allowed), words joined without spaces. */
export function nameSkeleton(name: string | null | undefined): string {
  if (!name) return '';
  const tokens = name.split(/[\s\-'’_.,]+/).filter(Boolean);
  // Doubled letters collapse within a word only: "Mohamed Diallo" must not become "Mohamed Ali".
  return tokens.map((t) => collapse(isArabic(t) ? arabicToken(t) : latinToken(t))).join('');
}

/**
 * The keys stored for a person: one per script in which the name was written. A search compares the new person's
 * keys with these, so a name written only in Arabic finds a person written only in Latin and vice versa.
 */
export function nameKeys(latin: string | null | undefined, arabic: string | null | undefined): string[] {
  return [...new Set([nameSkeleton(latin), nameSkeleton(arabic)].filter((k) => k.length > 0))];
}
