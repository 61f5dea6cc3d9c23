import { describe, expect, it } from 'vitest';
import { APP_MESSAGES } from './app.messages';
import { STATUS_MESSAGES } from './status.messages';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const en = leaves(APP_MESSAGES.en as unknown as Tree);
  for (const lang of ['ar', 'fr', 'es'] as const) {
    it(`${lang}: every screen word is translated, none empty, with the same placeholders as English`, () => {
      const other = leaves(APP_MESSAGES[lang] as unknown as Tree);
      for (const [key, value] of en) {
        expect(other.has(key), `${lang} lacks ${key}`).toBe(true);
        expect(other.get(key)!.trim().length, `${lang}.${key} is empty`).toBeGreaterThan(0);
        expect(vars(other.get(key)!), `${lang}.${key} placeholders`).toEqual(vars(value));
      }
    });
  }
  it('Arabic is written in Arabic script', () => {
    const ar = leaves(APP_MESSAGES.ar as unknown as Tree);
    const notArabic = [...ar].filter(([k, v]) => !/[\u0600-\u06FF]/.test(v) && !k.startsWith('nav.queues')).map(([k]) => k);
    expect(notArabic).toEqual([]);
  });
  it('the status page has the same words in the four languages', () => {
    const keys = Object.keys(STATUS_MESSAGES.fr).sort();
    for (const lang of ['ar', 'en', 'es'] as const) {
      expect(Object.keys(STATUS_MESSAGES[lang]).sort()).toEqual(keys);
      for (const k of keys) expect(vars(STATUS_MESSAGES[lang][k as keyof (typeof STATUS_MESSAGES)['fr']])).toEqual(vars(STATUS_MESSAGES.fr[k as keyof (typeof STATUS_MESSAGES)['fr']]));
    }
  });
});
