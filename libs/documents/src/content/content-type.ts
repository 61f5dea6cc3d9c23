/** The only kinds of content Masar accepts as evidence: scans as PDF, photos and scans as images. */
export const ALLOWED_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export type ContentType = (typeof ALLOWED_CONTENT_TYPES)[number];

/** Recognised but refused: iPhone photos arrive as HEIC; naming it lets the answer tell the applicant what to do. */
export type RecognisedType = ContentType | 'image/heic';

/** How many leading bytes sniffing reads before deciding (the signatures below need at most 16). */
export const SNIFF_BYTES = 4100;

export const EXTENSION_OF: Record<ContentType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export function isImage(type: ContentType): boolean {
  return type !== 'application/pdf';
}

const startsWith = (head: Uint8Array, bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const HEIF_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'];

/**
 * The type of a file by its magic bytes only. The name and the declared Content-Type come from the user and are
 * ignored: an executable renamed `.pdf` still starts with `MZ`.
 *
 * A hand-written table rather than the `file-type` package: file-type 22 loads on Node 20.20 in the built app
 * (require of ESM) but its ESM dependency @borewit/text-codec is not transformed by the project's Jest set-up, and
 * for four formats the table is short enough to read in full and to test exhaustively.
 */
export function recogniseContentType(head: Uint8Array): RecognisedType | null {
  // PDF: "%PDF-" at offset 0. (Readers tolerate junk before it; we do not, so nothing can hide in front.)
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  // JPEG: SOI marker then the start of a marker segment.
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // PNG: the 8-byte signature followed by the IHDR chunk every PNG starts with.
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && startsWith(head, ascii('IHDR'), 12)) return 'image/png';
  // WebP: a RIFF container whose form type is WEBP, then a VP8/VP8L/VP8X chunk.
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8) && startsWith(head, ascii('VP8'), 12)) return 'image/webp';
  // HEIF/HEIC: an ISO-BMFF "ftyp" box with a HEIF brand.
  if (startsWith(head, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...head.subarray(8, 12));
    if (HEIF_BRANDS.includes(brand)) return 'image/heic';
  }
  return null;
}

/** The accepted type of the content, or null for anything not on the allow-list. */
export function sniffContentType(head: Uint8Array): ContentType | null {
  const type = recogniseContentType(head);
  return type && (ALLOWED_CONTENT_TYPES as readonly string[]).includes(type) ? (type as ContentType) : null;
}
