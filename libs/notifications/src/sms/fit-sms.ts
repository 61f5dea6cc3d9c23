import type { SmsPart } from '../templates/template';
import { foldToGsm7 } from './gsm7';
import { layoutSms, type SmsLayout } from './sms-encoding';

/**
 * Our SMS policy: at most two segments (306 GSM-7 septets, 134 UCS-2 units). Beyond that, cheap phones show
 * fragments out of order and the cost doubles again. To fit:
 *   1. Latin languages are folded into GSM-7 (see foldToGsm7); Arabic goes as UCS-2.
 *   2. Courtesy parts (`drop`) go first, last one first.
 *   3. Then `shorten` parts (a list of documents, a place) are cut at a word with an ellipsis; an e-mail and the
 *      in-app message always carry the full text.
 *   4. `never` parts (the file reference, a date, a deadline) are never cut. If they alone exceed two segments the
 *      message goes longer rather than lose them (no template does this; a unit test holds every template to it).
 */
export const MAX_SMS_SEGMENTS = 2;

export interface FittedSms extends SmsLayout {
  text: string;
  /** True when a part was dropped or shortened to fit. */
  shortened: boolean;
  /** True when even the essential parts exceed MAX_SMS_SEGMENTS. */
  overLimit: boolean;
}

export function fitSms(parts: SmsPart[], options: { fold: boolean; maxSegments?: number } = { fold: true }): FittedSms {
  const max = options.maxSegments ?? MAX_SMS_SEGMENTS;
  let kept = parts.map((p) => ({ ...p, text: options.fold ? foldToGsm7(p.text) : p.text })).filter((p) => p.text.trim() !== '');
  const compose = (list: typeof kept) => list.map((p) => p.text.trim()).join(' ');
  const fits = (text: string) => layoutSms(text).segments <= max;
  const result = (text: string, shortened: boolean): FittedSms => {
    const layout = layoutSms(text);
    return { ...layout, text, shortened, overLimit: layout.segments > max };
  };

  let text = compose(kept);
  if (fits(text)) return result(text, false);

  for (let i = kept.length - 1; i >= 0 && !fits(compose(kept)); i--) {
    if (kept[i]!.cut === 'drop') kept = kept.filter((_, j) => j !== i);
  }
  text = compose(kept);
  if (fits(text)) return result(text, true);

  // Shorten the longest shortenable part first, to the longest prefix (at a word boundary) that fits.
  const shortenable = kept.map((p, i) => ({ p, i })).filter(({ p }) => p.cut === 'shorten').sort((a, b) => b.p.text.length - a.p.text.length);
  for (const { i } of shortenable) {
    const original = kept[i]!.text;
    const ellipsis = layoutSms(original).encoding === 'GSM-7' ? '...' : '…';
    const attempt = (len: number) => {
      const copy = kept.slice();
      copy[i] = { ...copy[i]!, text: len <= 0 ? '' : cutAtWord(original, len) + ellipsis };
      return copy.filter((p) => p.text !== '');
    };
    let lo = 0;
    let hi = original.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(compose(attempt(mid)))) lo = mid;
      else hi = mid - 1;
    }
    kept = attempt(lo);
    text = compose(kept);
    if (fits(text)) return result(text, true);
  }
  return result(compose(kept), true);
}

/** The first `len` characters, backed off to the last space so that no word is cut in half (when one exists). */
function cutAtWord(text: string, len: number): string {
  const chars = Array.from(text);
  if (len >= chars.length) return text;
  const head = chars.slice(0, len).join('');
  const space = head.lastIndexOf(' ');
  return (space > len / 2 ? head.slice(0, space) : head).replace(/[\s,،:;]+$/u, '');
}
