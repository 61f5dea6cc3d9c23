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
});
