import { gsmSeptets, isGsm7 } from './gsm7';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

/**
 * Room per segment. A single SMS holds 140 bytes: 160 septets or 70 UTF-16 units. A concatenated message spends
 * 6 bytes of each segment on its header (UDH), leaving 153 septets or 67 units.
 */
export const SEGMENT_ROOM: Record<SmsEncoding, { single: number; multi: number }> = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
};

export interface SmsLayout {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** The text of each segment as a phone would receive it. */
  parts: string[];
}

export function encodingOf(text: string): SmsEncoding {
  return isGsm7(text) ? 'GSM-7' : 'UCS-2';
}

/** Size of one character in the units of the encoding. */
function unitsOf(ch: string, encoding: SmsEncoding): number {
  return encoding === 'GSM-7' ? gsmSeptets(ch) : ch.length;
}

/**
 * Lays a text out in segments the way a sending centre does: an extension character (ESC + char) and a surrogate
 * pair (an emoji in UCS-2) are never split across two segments, so a segment may hold one unit less than its room.
 */
export function layoutSms(text: string): SmsLayout {
  const encoding = encodingOf(text);
  const chars = Array.from(text);
  const units = chars.reduce((n, ch) => n + unitsOf(ch, encoding), 0);
  const room = SEGMENT_ROOM[encoding];
  if (units <= room.single) return { encoding, units, segments: text.length === 0 ? 0 : 1, parts: text.length ? [text] : [] };
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const ch of chars) {
    const size = unitsOf(ch, encoding);
    if (used + size > room.multi) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += ch;
    used += size;
  }
  if (current) parts.push(current);
  return { encoding, units, segments: parts.length, parts };
}
