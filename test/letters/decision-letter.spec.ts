import { LANGUAGES, renderDecisionLetter, type DecisionLetterInput, type RejectedDecision } from '@masar/letters';
import { aGrantLetter, aRejectionLetter } from './support/letter-factories';
import { actualTexts, parsePdf } from './support/pdf-inspection';

const APPEAL_DEADLINE: Record<string, string> = {
  ar: 'إلى غاية 13 مارس 2027',
  fr: 'jusqu’au 13 mars 2027 inclus',
  en: 'until 13 March 2027 inclusive',
  es: 'hasta el 13 de marzo de 2027 inclusive',
};

describe('the decision letter PDF', () => {
  describe.each(LANGUAGES)('a first-instance rejection in %s', (language) => {
    const input = aRejectionLetter({ language });
    let pdf: Buffer;
    let text: string;

    beforeAll(async () => {
      pdf = await renderDecisionLetter(input);
      const parsed = await parsePdf(pdf);
      expect(parsed.language).toBe(language);
      text = parsed.text;
    });

    /**
     * In French, English and Spanish the phrase must come out of pdfjs-dist's text extraction as is. Shaped Arabic
     * comes out of pdfjs as glyphs, not words, so each Arabic word is looked for in the ActualText spans that carry
     * it (what a PDF reader copies and a screen reader speaks), and the digits in the extracted text.
     */
    const expectPhrase = (phrase: string) => {
      if (language !== 'ar') return expect(text).toContain(phrase);
      const arabicWords = (s: string) => s.match(/\p{Script=Arabic}+/gu) ?? [];
      expect(arabicWords(phrase).length).toBeGreaterThan(0);
      expect(actualTexts(pdf).flatMap(arabicWords)).toEqual(expect.arrayContaining(arabicWords(phrase)));
      for (const latin of phrase.match(/[0-9A-Za-z-]+/g) ?? []) expect(text).toContain(latin);
    };

    it('names the file by its reference', () => {
      expect(text).toContain(input.reference);
    });

    it('states every reason', () => {
      for (const reason of (input.decision as RejectedDecision).reasons) expectPhrase(reason);
    });

    it('gives the appeal deadline and where to appeal', () => {
      const { appeal } = input.decision as RejectedDecision;
      expectPhrase(APPEAL_DEADLINE[language]);
      expectPhrase(appeal.authority);
      expectPhrase(appeal.address!);
    });
  });

  it('sets the reference at the left end of its line in Arabic, after the label that starts at the right', async () => {
    const { pages } = await parsePdf(await renderDecisionLetter(aRejectionLetter({ language: 'ar' })));
    const reference = pages[0].find((item) => item.str.includes('MA-7K3Q-9XWD'))!;
    const sameLine = pages[0].filter((item) => Math.abs(item.y - reference.y) < 1 && item !== reference);
    expect(sameLine.length).toBeGreaterThan(0);
    for (const label of sameLine) expect(label.x).toBeGreaterThan(reference.x + reference.width - 1);
  });

  it('sets the reference after its label in French, left to right', async () => {
    const { pages } = await parsePdf(await renderDecisionLetter(aRejectionLetter({ language: 'fr' })));
    const line = pages[0].find((item) => item.str.includes('MA-7K3Q-9XWD'))!;
    // The no-break space before the colon comes out of pdfjs as a plain space.
    expect(line.str).toMatch(/^Référence du dossier\s: MA-7K3Q-9XWD$/);
  });

  it('says a rejection on appeal is final and offers no further appeal', async () => {
    const letter: DecisionLetterInput = {
      ...aRejectionLetter({ language: 'en' }),
      decision: { outcome: 'rejected', stage: 'appeal', reasons: ['The appeal brings no new fact.'] },
    };
    const { text } = await parsePdf(await renderDecisionLetter(letter));
    expect(text).toContain('Decision on your appeal');
    expect(text).toContain('The appeal brings no new fact.');
    expect(text).toContain('This decision was taken on appeal and is final.');
    expect(text).not.toContain('How to appeal');
  });

  it('tells a granted applicant what happens next, with no appeal section', async () => {
    const { text } = await parsePdf(await renderDecisionLetter(aGrantLetter({ language: 'es' })));
    expect(text).toContain('Su solicitud de regularización ha sido aceptada.');
    expect(text).toContain('Recibirá un SMS cuando su tarjeta de residencia esté lista.');
    expect(text).not.toContain('Cómo recurrir');
  });

  it('words an asylum recognition as such', async () => {
    const { text } = await parsePdf(await renderDecisionLetter(aGrantLetter({ language: 'en', kind: 'asylum' })));
    expect(text).toContain('You are recognised as a refugee.');
  });

  describe('refuses a letter the law would not accept', () => {
    const rejection = aRejectionLetter({ language: 'fr' });
    const decision = rejection.decision as RejectedDecision;

    it('a rejection without reasons', async () => {
      await expect(renderDecisionLetter({ ...rejection, decision: { ...decision, reasons: [] } })).rejects.toMatchObject({
        code: 'LETTERS_REASONS_REQUIRED',
        status: 422,
      });
      await expect(renderDecisionLetter({ ...rejection, decision: { ...decision, reasons: ['  '] } })).rejects.toMatchObject({
        code: 'LETTERS_REASONS_REQUIRED',
      });
    });

    it('a first-instance rejection without where to appeal', async () => {
      const noAuthority = { ...decision, appeal: { ...decision.appeal, authority: '' } };
      await expect(renderDecisionLetter({ ...rejection, decision: noAuthority })).rejects.toMatchObject({ code: 'LETTERS_APPEAL_ROUTE_REQUIRED' });
    });

    it('an appeal deadline on or before the day of the decision', async () => {
      const early = { ...decision, appeal: { ...decision.appeal, deadline: rejection.decidedOn } };
      await expect(renderDecisionLetter({ ...rejection, decision: early })).rejects.toMatchObject({ code: 'LETTERS_APPEAL_DEADLINE_TOO_EARLY' });
    });
  });
});
