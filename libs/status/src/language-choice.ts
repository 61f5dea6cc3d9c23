import { isLanguage, type Language } from '@masar/letters';

/**
 * The language of an answer: the one the page asked for explicitly (its language switcher), else the first
 * supported language of Accept-Language by preference, else the applicant's own language, else French (the
 * offices' working language beside Arabic). A failure answer never uses the applicant's language: it would tell
 * a stranger something about a file.
 */
export function chooseLanguage(asked: string | undefined, acceptLanguage: string | undefined, applicants?: string | null): Language {
  if (isLanguage(asked)) return asked;
  const accepted = fromAcceptLanguage(acceptLanguage);
  if (accepted) return accepted;
  if (isLanguage(applicants)) return applicants;
  return 'fr';
}

/**
 * Accept-Language values already read, and their language. Browsers send the same few values again and again, and
 * reading one (split, regular expressions, sort) cost more than the rest of choosing the answer's words; bounded,
 * since the header is the caller's to write.
 */
const ACCEPTED = new Map<string, Language | null>();
const ACCEPTED_MAX_ENTRIES = 512;
const ACCEPTED_MAX_LENGTH = 256;

/** "es-ES,es;q=0.9,fr;q=0.8" -> 'es'. Ranges with q=0 are refused, '*' is ignored. */
export function fromAcceptLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const known = ACCEPTED.get(header);
  if (known !== undefined) return known ?? undefined;
  const language = readAcceptLanguage(header);
  if (header.length <= ACCEPTED_MAX_LENGTH) {
    if (ACCEPTED.size >= ACCEPTED_MAX_ENTRIES) ACCEPTED.clear();
    ACCEPTED.set(header, language ?? null);
  }
  return language;
}

function readAcceptLanguage(header: string): Language | undefined {
  const ranges = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [range, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { primary: range!.trim().toLowerCase().split('-')[0]!, q: q ? Number(q[1]) : 1, index };
    })
    .filter((r) => r.q > 0 && Number.isFinite(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranges.map((r) => r.primary).find(isLanguage);
}

/** The Accept-Language header of a request (the first one, if a client sent several). */
export function acceptLanguageOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const header = headers['accept-language'];
  return Array.isArray(header) ? header[0] : header;
}
