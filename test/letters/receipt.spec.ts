import { LANGUAGES, renderReceipt, statusPageUrl } from '@masar/letters';
import { aReceipt } from './support/letter-factories';
import { decodeQrCode, parsePdf, renderPageToPng } from './support/pdf-inspection';

describe('the receipt PDF', () => {
  describe.each(LANGUAGES)('in %s', (language) => {
    const input = aReceipt({ language });
    let pdf: Buffer;

    beforeAll(async () => {
      pdf = await renderReceipt(input);
    });

    it('parses as a one-page PDF tagged with the language', async () => {
      const parsed = await parsePdf(pdf);
      expect(parsed.numPages).toBe(1);
      expect(parsed.language).toBe(language);
    });

    it('shows the reference and the access code as text a reader can copy', async () => {
      const { text } = await parsePdf(pdf);
      expect(text).toContain(input.reference);
      expect(text).toContain(input.accessCode!);
    });

    it('carries a QR code that opens the status page with the reference and never the access code', async () => {
      const scanned = await decodeQrCode(await renderPageToPng(pdf));
      expect(scanned).toBe(`https://masar.example.ma/status?ref=${input.reference}`);
      expect(scanned).not.toContain(input.accessCode!);
      expect(scanned).not.toContain(input.accessCode!.replace(/-/g, ''));
    });

    it('keeps the access code out of the document metadata', async () => {
      const { title } = await parsePdf(pdf);
      expect(title).toContain(input.reference);
      expect(title).not.toContain(input.accessCode!);
    });
  });

  it('lists the documents received and missing, with the day they are due', async () => {
    const { text } = await parsePdf(await renderReceipt(aReceipt({ language: 'en' })));
    expect(text).toContain('Signed request');
    expect(text).toContain('Proof of five years of residence in Morocco');
    expect(text).toContain('Bring them or upload them by 29 January 2027.');
  });

  it('says nothing is missing when the file is complete, and gives no due date', async () => {
    const { text } = await parsePdf(await renderReceipt(aReceipt({ language: 'en', documentsMissing: [], missingDocumentsDueOn: '2027-01-29' })));
    expect(text).toContain('Nothing is missing for now.');
    expect(text).not.toContain('29 January 2027');
  });

  it('prints no access code on the copy stored with the file, and says where the code is', async () => {
    const counterCopy = aReceipt({ language: 'en' });
    const { text } = await parsePdf(await renderReceipt({ ...counterCopy, accessCode: null }));
    expect(text).toContain(counterCopy.reference);
    expect(text).not.toContain(counterCopy.accessCode!);
    expect(text).toContain('Printed only on the receipt handed to you at the counter; the office does not keep it.');
  });

  it('gives the same bytes for the same receipt, so a re-rendered receipt is the same document', async () => {
    const input = aReceipt({ language: 'ar' });
    expect((await renderReceipt(input)).equals(await renderReceipt(input))).toBe(true);
  });

  it('refuses an impossible submission date', async () => {
    await expect(renderReceipt(aReceipt({ submittedOn: '2026-02-30' }))).rejects.toMatchObject({ code: 'LETTERS_INVALID_DATE' });
  });

  it('builds the status URL from the public base URL, whatever its trailing slash', () => {
    expect(statusPageUrl('https://masar.example.ma/', 'MA-7K3Q-9XWD')).toBe('https://masar.example.ma/status?ref=MA-7K3Q-9XWD');
  });
});
