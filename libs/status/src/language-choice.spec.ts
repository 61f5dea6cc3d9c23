import { chooseLanguage, fromAcceptLanguage } from './language-choice';

describe('the language of a status answer', () => {
  it('takes the language the page asked for first', () => {
    expect(chooseLanguage('ar', 'es-ES,es;q=0.9', 'fr')).toBe('ar');
  });

  it('then the best supported language of Accept-Language', () => {
    expect(chooseLanguage(undefined, 'de-DE,de;q=0.9,es;q=0.8,fr;q=0.7', 'ar')).toBe('es');
    expect(fromAcceptLanguage('fr;q=0.5, en-GB;q=0.9')).toBe('en');
  });

  it("then the applicant's own language, then French", () => {
    expect(chooseLanguage(undefined, 'de-DE', 'ar')).toBe('ar');
    expect(chooseLanguage(undefined, undefined, null)).toBe('fr');
  });

  it('ignores ranges refused with q=0, wildcards and garbage', () => {
    expect(fromAcceptLanguage('es;q=0, *;q=0.5')).toBeUndefined();
    expect(fromAcceptLanguage(';;;,q=abc')).toBeUndefined();
    expect(chooseLanguage('xx', 'zz', 'yy')).toBe('fr');
  });

  it('answers a value it has read before alike, and keeps reading right past many different values', () => {
    for (let round = 0; round < 2; round++) {
      expect(fromAcceptLanguage('es-ES,es;q=0.9,fr;q=0.8')).toBe('es');
      expect(fromAcceptLanguage('de-DE')).toBeUndefined();
    }
    for (let i = 0; i < 2000; i++) {
      const q = (i % 9) / 10 + 0.05;
      expect(fromAcceptLanguage(`x${i};q=0.99, en;q=${q}, ar;q=${0.95 - q}`)).toBe(q > 0.95 - q ? 'en' : 'ar');
    }
    const long = `es;q=0.5, ${'de;q=0.9, '.repeat(40)}fr;q=0.8`; // past the 20 ranges read: fr is not seen
    expect(fromAcceptLanguage(long)).toBe('es');
    expect(fromAcceptLanguage(long)).toBe('es');
  });
});
