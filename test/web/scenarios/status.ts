import type { Page } from 'playwright-core';
import { STATUS_MESSAGES } from '../../../apps/web/src/i18n/status.messages';
import { checkAccessibility, checkKeyboardReachability, clippedTexts, documentDirection, expect, screenshot } from '../checks';
import type { Win } from '../dom';
import type { TestCase, TestContext } from '../run';

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const ARABIC = /[\u0600-\u06FF]/;

export interface StatusFile {
  id: string;
  reference: string;
  accessCode: string;
}

/** A submitted file whose receipt (reference and access code) the applicant holds. */
export async function statusFile(ctx: TestContext): Promise<StatusFile> {
  if (!ctx.shared.statusFile) {
    ctx.shared.statusFile = await ctx.api.submittedFile({ latinName: 'Aminata Sow', arabicName: 'أميناتا سو', nationality: 'SN', sex: 'female', birthDate: { year: 1992 }, preferredLanguage: 'fr' });
  }
  return ctx.shared.statusFile as StatusFile;
}

async function openFromQrCode(ctx: TestContext, lang: 'ar' | 'fr', reference: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await ctx.browser.newContext({ ...PHONE, locale: lang === 'ar' ? 'ar-MA' : 'fr-MA' });
  const page = await context.newPage();
  // What the receipt's QR code opens: the reference in the address, never the code.
  await page.goto(`${ctx.stack.baseUrl}/status?ref=${encodeURIComponent(reference)}`);
  await page.locator('input[name="accessCode"]').waitFor();
  return { page, close: () => context.close() };
}

/** The applicant checks the status in a language: the page in that language and direction, the answer in it too. */
async function checkStatusIn(ctx: TestContext, lang: 'ar' | 'fr'): Promise<void> {
  const file = await statusFile(ctx);
  const t = STATUS_MESSAGES[lang];
  const { page, close } = await openFromQrCode(ctx, lang, file.reference);
  try {
    const { dir, lang: htmlLang } = await documentDirection(page);
    expect(htmlLang === lang, `<html lang> is ${htmlLang}, expected ${lang} from the phone's language`);
    expect(dir === (lang === 'ar' ? 'rtl' : 'ltr'), `<html dir> is ${dir} in ${lang}`);
    expect((await page.locator('input[name="reference"]').inputValue()) === file.reference, 'the QR code did not fill in the reference');
    expect(await page.getByRole('heading', { level: 1, name: t.title }).isVisible(), `no "${t.title}" heading`);
    if (lang === 'ar') {
      // Mirrored: the form's labels start at the right edge.
      const label = await page.getByText(t.reference, { exact: true }).boundingBox();
      const input = await page.locator('input[name="reference"]').boundingBox();
      expect(label && input && label.x + label.width > input.x + input.width - 4, 'the Arabic label does not sit at the right');
    }
    await checkAccessibility(page, `status form (${lang})`);
    await checkKeyboardReachability(page, `status form (${lang})`);
    await screenshot(page, `${lang}-status-form`);

    // A wrong code: the same plain answer as for an unknown file.
    await page.locator('input[name="accessCode"]').fill('AAAAA-AAAAA');
    await page.getByRole('button', { name: t.show }).click();
    await page.getByRole('alert').filter({ hasText: t.notFound }).waitFor({ timeout: 10_000 });
    await screenshot(page, `${lang}-status-wrong-code`);

    await page.locator('input[name="accessCode"]').fill(file.accessCode);
    await page.getByRole('button', { name: t.show }).click();
    const stage = page.getByTestId('status-stage');
    await stage.waitFor({ timeout: 10_000 });
    const stageText = (await stage.textContent())?.trim() ?? '';
    expect(stageText.length > 0, 'no stage in the answer');
    if (lang === 'ar') expect(ARABIC.test(stageText), `the stage is not in Arabic: "${stageText}"`);
    else expect(!ARABIC.test(stageText), `the stage is not in French: "${stageText}"`);
    expect(await page.getByRole('heading', { name: t.todo }).isVisible(), 'no "what you must do" section');
    expect(!(await page.content()).includes(file.accessCode), 'the access code stays on the page after the answer');
    expect(!page.url().includes(file.accessCode), 'the access code went into the address');
    const clipped = await clippedTexts(page);
    expect(clipped.length === 0, `clipped text: ${clipped.join(' | ')}`);
    await checkAccessibility(page, `status answer (${lang})`);
    await screenshot(page, `${lang}-status-answer`);
    ctx.shared[`statusStage_${lang}`] = stageText;
  } finally {
    await close();
  }
}

export const statusChecks: TestCase[] = [
  { name: 'applicant checks the status in Arabic (phone, right to left)', run: (ctx) => checkStatusIn(ctx, 'ar') },
  { name: 'applicant checks the status in French (phone)', run: (ctx) => checkStatusIn(ctx, 'fr') },
  {
    name: 'status page: switching language asks again and answers in the new language',
    run: async (ctx) => {
      const file = await statusFile(ctx);
      const { page, close } = await openFromQrCode(ctx, 'fr', file.reference);
      try {
        await page.locator('input[name="accessCode"]').fill(file.accessCode);
        await page.getByRole('button', { name: STATUS_MESSAGES.fr.show }).click();
        await page.getByTestId('status-stage').waitFor();
        await page.getByLabel(STATUS_MESSAGES.fr.language).selectOption('ar');
        await page.waitForFunction(() => /[\u0600-\u06FF]/.test((globalThis as unknown as Win).document.querySelector('[data-testid="status-stage"]')?.textContent ?? ''), null, { timeout: 10_000 });
        expect((await documentDirection(page)).dir === 'rtl', 'the page did not turn right to left');
      } finally {
        await close();
      }
    },
  },
];
