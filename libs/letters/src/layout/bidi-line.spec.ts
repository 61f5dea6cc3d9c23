import { splitIntoRuns, textToShape, visualOrder } from './bidi-line';

/** The runs of a one-line paragraph as they sit on the page from left to right, spaces left out. */
const leftToRight = (text: string, direction: 'ltr' | 'rtl') =>
  visualOrder(splitIntoRuns(text, direction, 'regular'))
    .filter((run) => !run.isSpace)
    .map(textToShape);

describe('bidi line layout', () => {
  it('sets the words of an Arabic sentence from right to left, each word kept whole for shaping', () => {
    // fontkit reverses each Arabic word's glyphs itself, so the words are handed over in logical order.
    expect(leftToRight('مرحبا بكم في مسار', 'rtl')).toEqual(['مسار', 'في', 'بكم', 'مرحبا']);
  });

  it('keeps a Latin reference left to right inside an Arabic line, at its logical end (the left)', () => {
    expect(leftToRight('مرجع الملف: MA-7K3Q-9XWD', 'rtl')).toEqual(['MA-7K3Q-9XWD', ':', 'الملف', 'مرجع']);
  });

  it('keeps a run of Latin words in their own order inside an Arabic line', () => {
    expect(leftToRight('مكتب Préfecture de Rabat اليوم', 'rtl')).toEqual(['اليوم', 'Préfecture', 'de', 'Rabat', 'مكتب']);
  });

  it('mirrors brackets in right-to-left text', () => {
    // From the left: the closing bracket, drawn as "(", then the bracketed words, then the opening one drawn as ")".
    expect(leftToRight('جواز السفر (بلد الأصل)', 'rtl')).toEqual(['(', 'الأصل', 'بلد', ')', 'السفر', 'جواز']);
  });

  it('keeps numbers left to right in Arabic text, including Arabic-Indic digits fontkit would reverse', () => {
    expect(leftToRight('29 نونبر 2026', 'rtl')).toEqual(['2026', 'نونبر', '29']);
    // Handed to fontkit reversed, because fontkit reverses any Arabic-script string: it comes out as ١٢٣.
    expect(leftToRight('رقم ١٢٣', 'rtl')).toEqual(['٣٢١', 'رقم']);
  });

  it('leaves a French line in logical order', () => {
    expect(leftToRight('Référence du dossier : MA-7K3Q-9XWD', 'ltr')).toEqual(['Référence', 'du', 'dossier', ':', 'MA-7K3Q-9XWD']);
  });

  it('puts Arabic script in the Naskh face and Latin in Noto Sans, never splitting an Arabic word between faces', () => {
    const runs = splitIntoRuns('إثبات الإقامة، Rabat', 'rtl', 'bold').filter((r) => !r.isSpace);
    expect(runs.map((r) => [r.text, r.face])).toEqual([
      ['إثبات', 'noto-naskh-arabic-arabic-700'],
      ['الإقامة،', 'noto-naskh-arabic-arabic-700'],
      ['Rabat', 'noto-sans-latin-700'],
    ]);
  });

  it('falls back to Latin Extended for names beyond Latin-1', () => {
    const [run] = splitIntoRuns('Łukasz', 'ltr', 'regular');
    expect(run.face).toBe('noto-sans-latin-ext-400');
  });
});
