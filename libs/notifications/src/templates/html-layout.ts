import { TEXT_DIRECTION, type Language } from './language';
import type { Block } from './template';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A plain, single-column e-mail: large type, no images, no tracking. The reference is isolated left-to-right
 * (`<bdi dir="ltr">`) so that in an Arabic paragraph its letters and dashes keep their order.
 */
export function renderHtml(input: { language: Language; subject: string; greeting: string; blocks: Block[]; closing: string[]; reference?: string }): string {
  const dir = TEXT_DIRECTION[input.language];
  const inline = (text: string) => {
    const escaped = escapeHtml(text);
    if (!input.reference) return escaped;
    const ref = escapeHtml(input.reference);
    return escaped.split(ref).join(`<strong><bdi dir="ltr">${ref}</bdi></strong>`);
  };
  const body = input.blocks
    .map((b) => (typeof b === 'string' ? `<p>${inline(b)}</p>` : `<ul>${b.list.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`))
    .join('\n');
  const font = input.language === 'ar' ? "'Noto Naskh Arabic', Tahoma, Arial, sans-serif" : "'Noto Sans', Arial, sans-serif";
  return [
    '<!doctype html>',
    `<html lang="${input.language}" dir="${dir}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(input.subject)}</title></head>`,
    `<body style="font-family:${font};font-size:18px;line-height:1.6;color:#111;max-width:36em;margin:0 auto;padding:1em" dir="${dir}">`,
    `<p>${escapeHtml(input.greeting)}</p>`,
    body,
    `<p style="color:#444;font-size:15px">${input.closing.map(escapeHtml).join('<br>')}</p>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** The plain-text part: one sentence per line, lists as dashes, paragraphs apart. */
export function renderText(input: { greeting: string; blocks: Block[]; closing: string[] }): string {
  const blocks = input.blocks.map((b) => (typeof b === 'string' ? b : b.list.map((item) => `- ${item}`).join('\n')));
  return [input.greeting, ...blocks, input.closing.join('\n')].join('\n\n') + '\n';
}
