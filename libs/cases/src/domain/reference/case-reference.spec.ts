import { accessCodeMatches, generateAccessCode, hashAccessCode } from './access-code';
import { generateReference, parseReference } from './case-reference';
import { CROCKFORD, checkSymbol, hasValidCheck } from './crockford';

describe('case reference', () => {
  it('looks like MA-XXXX-XXXX in Crockford symbols and parses back', () => {
    for (let i = 0; i < 200; i++) {
      const r = generateReference();
      expect(r).toMatch(/^MA-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(parseReference(r)).toBe(r);
    }
  });

  it('accepts what people type or read out: lower case, spaces, O for zero, no prefix', () => {
    const r = generateReference();
    const spoken = r.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    expect(parseReference(spoken)).toBe(r);
    expect(parseReference(r.slice(3))).toBe(r);
  });

  it('is not sequential: 10,000 references are all different and spread over the alphabet', () => {
    const refs = new Set(Array.from({ length: 10_000 }, generateReference));
    expect(refs.size).toBe(10_000);
    const firstSymbols = new Set([...refs].map((r) => r[3]));
    expect(firstSymbols.size).toBe(32);
  });

  it('catches every single substitution and every adjacent transposition', () => {
    for (let n = 0; n < 50; n++) {
      const word = generateReference().replace(/^MA-/, '').replace('-', '');
      for (let i = 0; i < word.length; i++) {
        for (const c of CROCKFORD) {
          if (c === word[i]) continue;
          expect(hasValidCheck(word.slice(0, i) + c + word.slice(i + 1))).toBe(false);
        }
        if (i + 1 < word.length && word[i] !== word[i + 1]) {
          expect(hasValidCheck(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))).toBe(false);
        }
      }
    }
  });

  it('refuses a reference with a wrong check symbol or wrong length', () => {
    expect(parseReference('MA-7K3Q-9XW')).toBeNull();
    const body = '7K3Q9XW';
    const wrong = CROCKFORD[(CROCKFORD.indexOf(checkSymbol(body)) + 1) % 32];
    expect(parseReference(`MA-7K3Q-9XW${wrong}`)).toBeNull();
    expect(parseReference(`MA-7K3Q-9XW${checkSymbol(body)}`)).toBe(`MA-7K3Q-9XW${checkSymbol(body)}`);
  });
});

describe('access code', () => {
  const key = Buffer.alloc(32, 7);

  it('is stored only as a keyed hash and matches what the person types', () => {
    const code = generateAccessCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const hash = hashAccessCode(code, key);
    expect(hash).not.toContain(code.replace('-', ''));
    expect(accessCodeMatches(code.toLowerCase().replace('-', ' '), hash, key)).toBe(true);
    expect(accessCodeMatches(generateAccessCode(), hash, key)).toBe(false);
    expect(accessCodeMatches(code, hash, Buffer.alloc(32, 8))).toBe(false);
    expect(accessCodeMatches(code, 'not-hex', key)).toBe(false);
  });
});
