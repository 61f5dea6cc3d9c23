import type { Page } from 'playwright-core';
import { fr } from '../../../apps/web/src/i18n/messages/fr';
import { PERSON_RECORDS_MESSAGES } from '../../../apps/web/src/i18n/messages/person-records';
import { USERS } from '../api';
import { checkAccessibility, expect, screenshot } from '../checks';
import type { TestCase } from '../run';
import { inspect } from './main-pages';
import { shootOnFailure, signedIn } from './ui';

const words = PERSON_RECORDS_MESSAGES;

/** Fills the reason of the open dialog and presses its confirming button. */
async function confirmWithReason(page: Page, reason: string, confirm: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.locator('textarea').last().fill(reason);
  await dialog.getByRole('button', { name: confirm }).click();
  await dialog.waitFor({ state: 'detached', timeout: 15_000 });
}

export const personRecords: TestCase[] = [
  {
    name: 'caseworker opens the person from the case page, corrects the name with a reason and sees it (French)',
    run: async (ctx) => {
      const file = await ctx.api.submittedFile({ latinName: 'Ibrahima Sy', nationality: 'SN', sex: 'male', birthDate: { year: 1988, month: 6, day: 2 }, preferredLanguage: 'fr' });
      const { context, page } = await signedIn(ctx.browser, ctx.stack.baseUrl, USERS.caseworker, 'fr');
      try {
        await shootOnFailure(page, 'person-correction', async () => {
          await page.goto(`${ctx.stack.baseUrl}/app/cases/${file.id}`);
          await page.getByTestId('case-person-link').click();
          await page.getByRole('heading', { name: 'Ibrahima Sy', level: 1 }).waitFor({ timeout: 10_000 });
          await page.getByTestId('person-file').first().waitFor();
          await inspect(page, 'fr', 'person-page', { keyboard: true });

          await page.getByRole('button', { name: words.fr.correction.button }).click();
          const dialog = page.getByRole('dialog', { name: words.fr.correction.title });
          await dialog.waitFor();
          await dialog.getByLabel(fr.person.latinName).fill('Ibrahima Sy Ba');
          await checkAccessibility(page, 'person page: correction form (fr)');
          const reason = 'Le passeport porte aussi le nom de famille Ba.';
          await confirmWithReason(page, reason, fr.common.save);

          await page.getByTestId('person-latin-name').filter({ hasText: 'Ibrahima Sy Ba' }).waitFor({ timeout: 10_000 });
          const entry = page.getByTestId('person-correction').first();
          await entry.waitFor({ timeout: 10_000 });
          const text = (await entry.textContent()) ?? '';
          expect(text.includes(reason), `the correction's reason is not shown: "${text}"`);
          expect(text.includes(fr.person.latinName), `the corrected field is not named: "${text}"`);
          expect(text.includes(words.fr.correction.byYou), `the correction is not shown as the caseworker's own: "${text}"`);
          // The file's own page shows the corrected name too.
          await page.getByTestId('person-file').first().getByRole('link').click();
          await page.getByTestId('case-identity').filter({ hasText: 'Ibrahima Sy Ba' }).waitFor({ timeout: 10_000 });
        });
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'supervisor merges a duplicate person after comparing them, then undoes the merge (Arabic)',
    run: async (ctx) => {
      const kept = await ctx.api.submittedFile({ latinName: 'Moussa Camara', arabicName: 'موسى كامارا', nationality: 'GN', sex: 'male', birthDate: { year: 1985 }, preferredLanguage: 'ar' });
      const twin = await ctx.api.submittedFile({ latinName: 'Musa Camara', nationality: 'GN', sex: 'male', birthDate: { year: 1985 }, preferredLanguage: 'fr' });
      const { context, page } = await signedIn(ctx.browser, ctx.stack.baseUrl, USERS.supervisor, 'ar');
      try {
        await shootOnFailure(page, 'person-merge', async () => {
          await page.goto(`${ctx.stack.baseUrl}/app/applicants/${kept.applicantId}`);
          const candidate = page.getByTestId('person-duplicate').filter({ hasText: 'Musa Camara' });
          await candidate.waitFor({ timeout: 15_000 });
          const likeness = await candidate.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-likeness')));
          expect(JSON.stringify(likeness) === JSON.stringify(['differs', 'unknown', 'same', 'same']), `the differences are not marked as expected: ${likeness.join(', ')}`);
          expect((await page.getByTestId('person-file').count()) === 1, 'the person should hold one file before the merge');
          await inspect(page, 'ar', 'person-page', { keyboard: true });

          await candidate.getByRole('button', { name: words.ar.personPage.merge }).click();
          const what = (await page.getByTestId('reason-dialog-what').textContent()) ?? '';
          expect(what.includes('Musa Camara'), `the merge confirmation does not name the record that disappears: "${what}"`);
          await checkAccessibility(page, 'person page: merge confirmation (ar)');
          await screenshot(page, 'ar-person-merge-confirmation');
          await confirmWithReason(page, 'رقم جواز السفر نفسه في البطاقتين، وتمت مقارنة الصورة.', words.ar.personPage.merge);

          await page.locator('[data-testid="person-merge"][data-undone="no"]').waitFor({ timeout: 10_000 });
          await page.getByTestId('person-file').nth(1).waitFor({ timeout: 10_000 });
          const files = await page.getByTestId('person-file').allTextContents();
          expect(files.some((f) => f.includes(twin.reference)), `the merged record's file did not move here: ${files.join(' | ')}`);
          await screenshot(page, 'ar-person-merged');

          await page.getByRole('button', { name: words.ar.personPage.undo }).click();
          const undoWhat = (await page.getByTestId('reason-dialog-what').textContent()) ?? '';
          expect(undoWhat.includes('Musa Camara'), `the undo confirmation does not say who gets the files back: "${undoWhat}"`);
          await confirmWithReason(page, 'شخصان مختلفان: اسم الأب مختلف في الجوازين.', words.ar.personPage.undo);
          await page.locator('[data-testid="person-merge"][data-undone="yes"]').waitFor({ timeout: 10_000 });
          await page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('[data-testid="person-file"]').length === 1, undefined, { timeout: 10_000 });
          expect(!(await page.getByTestId('person-file').allTextContents()).some((f) => f.includes(twin.reference)), 'the file did not go back after the undo');
          expect((await page.getByRole('button', { name: words.ar.personPage.undo }).count()) === 0, 'an undone merge is still offered to undo');
        });
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'applicant reads their rights and downloads their data (French and Arabic)',
    run: async (ctx) => {
      const file = await ctx.api.submittedFile({ latinName: 'Fatoumata Diarra', nationality: 'ML', sex: 'female', birthDate: { year: 1996 }, preferredLanguage: 'fr' });
      const context = await ctx.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'fr-MA', acceptDownloads: true });
      const page = await context.newPage();
      try {
        await shootOnFailure(page, 'my-data', async () => {
          const email = `fatoumata.${Date.now()}@example.org`;
          await page.goto(`${ctx.stack.baseUrl}/signup?lang=fr`);
          await page.getByLabel(fr.signup.name).fill('Fatoumata Diarra');
          await page.locator('input[type="email"]').fill(email);
          await page.locator('input[type="password"]').fill('une phrase assez longue');
          await page.getByRole('button', { name: fr.signup.submit }).click();
          await page.waitForURL(/\/my$/);
          await page.getByLabel(fr.my.reference).fill(file.reference);
          await page.getByLabel(fr.my.accessCode).fill(file.accessCode);
          await page.getByRole('button', { name: fr.my.link }).click();
          await page.getByTestId('my-file').waitFor({ timeout: 10_000 });

          await page.goto(`${ctx.stack.baseUrl}/my/data`);
          await page.getByRole('heading', { name: words.fr.myData.title }).waitFor();
          await inspect(page, 'fr', 'my-data', { keyboard: true });
          const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: words.fr.myData.download }).click()]);
          const chunks: Buffer[] = [];
          for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
          const data = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { account: { email: string }; persons: { person: { latinName: string }; files: { reference: string }[] }[] };
          expect(data.account.email === email, 'the export is not of the signed-in account');
          expect(data.persons[0]?.person.latinName === 'Fatoumata Diarra' && data.persons[0].files[0]?.reference === file.reference, 'the export lacks the linked person and file');
          await page.getByText(words.fr.myData.downloaded).waitFor();

          await page.goto(`${ctx.stack.baseUrl}/my/data?lang=ar`);
          await page.getByRole('heading', { name: words.ar.myData.title }).waitFor();
          await inspect(page, 'ar', 'my-data');
          expect(await page.getByText('www.cndp.ma').first().isVisible(), 'who to contact is not shown');
        });
      } finally {
        await context.close();
      }
    },
  },
];
