import { fr } from '../../../apps/web/src/i18n/messages/fr';
import { INTAKE_MESSAGES } from '../../../apps/web/src/i18n/messages/intake';
import { USERS } from '../api';
import { checkAccessibility, expect, screenshot } from '../checks';
import type { TestCase } from '../run';
import { inspect } from './main-pages';
import { shootOnFailure, signedIn } from './ui';

const words = INTAKE_MESSAGES;

/** A campaign office's list: three good rows, one with a date of birth that is not one, one already registered. */
function campaignList(stamp: string): string {
  const head = 'latin_name,arabic_name,sex,birth_date,nationality,document_type,document_number,phone,email,preferred_language,category';
  return [
    head,
    `Kwame Mensah,,male,1989-03-14,GH,passport,GH${stamp}01,+212611000001,,en,work_contract`,
    `Adjoa Owusu,,female,1994,GH,passport,GH${stamp}02,,,fr,work_contract`,
    `Yaw Boateng,,male,1991-11,GH,national_id,GH${stamp}03,,yaw@example.org,fr,work_contract`,
    `Kofi Asante,,male,1991-02-30,GH,passport,GH${stamp}04,,,fr,work_contract`,
    `Ama Serwaa,,female,1990-05-05,GH,passport,GH${stamp}05,,,fr,work_contract`,
  ].join('\n');
}

export const intake: TestCase[] = [
  {
    name: 'caseworker uploads a campaign list: progress, refused row explained and downloadable, duplicate set aside, receipts taken once, the set-aside row decided from the keyboard',
    run: async (ctx) => {
      const stamp = String(Date.now()).slice(-6);
      // Already registered at the counter with the same passport as the list's last row.
      await ctx.api.submittedFile({ latinName: 'Ama Serwaa Mensah', nationality: 'GH', sex: 'female', birthDate: { year: 1990 }, documents: [{ type: 'passport', number: `GH${stamp}05` }] });
      const { context, page } = await signedIn(ctx.browser, ctx.stack.baseUrl, USERS.caseworker, 'fr');
      try {
        await shootOnFailure(page, 'intake', async () => {
          await page.getByRole('link', { name: words.fr.intake.nav }).first().click();
          await page.getByRole('heading', { name: words.fr.intake.title }).waitFor();
          await page.locator('input[type="file"]').setInputFiles({ name: 'campagne-rabat.csv', mimeType: 'text/csv', buffer: Buffer.from(campaignList(stamp)) });
          await page.getByRole('button', { name: words.fr.intake.upload }).click();
          await page.locator('[data-testid="intake-batch-status"][data-status="completed"]').waitFor({ timeout: 60_000 });
          const count = async (k: string) => ((await page.getByTestId(`intake-count-${k}`).textContent()) ?? '').replace(/\D/g, '');
          expect((await count('received')) === '5', `received ${await count('received')}`);
          expect((await count('imported')) === '3', `imported ${await count('imported')}`);
          expect((await count('invalid')) === '1', `invalid ${await count('invalid')}`);
          expect((await count('forReview')) === '1', `set aside ${await count('forReview')}`);

          const problem = page.getByTestId('intake-error-row').first();
          await problem.waitFor({ timeout: 10_000 });
          const problemText = (await problem.textContent()) ?? '';
          expect(problemText.startsWith('5') && problemText.includes(words.fr.intake.codes.BIRTH_DATE_INVALID!), `the refused row is not explained: "${problemText}"`);
          const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: words.fr.intake.downloadErrors }).click()]);
          const chunks: Buffer[] = [];
          for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
          expect(Buffer.concat(chunks).toString('utf8').includes('5,birth_date,BIRTH_DATE_INVALID'), 'the errors file lacks the refused row');

          const review = page.getByTestId('intake-review-row').first();
          await review.waitFor({ timeout: 10_000 });
          expect(((await review.textContent()) ?? '').includes('Ama Serwaa'), 'the duplicate row is not set aside');
          expect(((await review.textContent()) ?? '').includes(fr.register.reasons.document_number), 'the duplicate row does not say why');
          await inspect(page, 'fr', 'intake', { keyboard: true });

          // The access codes, once.
          await page.getByRole('button', { name: words.fr.intake.takeReceipts }).click();
          await checkAccessibility(page, 'intake: receipts confirmation (fr)');
          const [receipts] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog').getByRole('button', { name: words.fr.intake.takeReceipts }).click()]);
          const rc: Buffer[] = [];
          for await (const c of await receipts.createReadStream()) rc.push(c as Buffer);
          const lines = Buffer.concat(rc).toString('utf8').trim().split('\n');
          expect(lines.length === 4 && lines.slice(1).every((l) => /^\d+,MA-[0-9A-Z]{4}-[0-9A-Z]{4},[^,]+,/.test(l)), `odd receipts file: ${lines.length} lines`);
          await page.getByTestId('intake-receipts').getByText(words.fr.intake.receiptsTaken.split('{{')[0]!).waitFor({ timeout: 10_000 });
          await page.getByRole('dialog').waitFor({ state: 'detached' });
          expect((await page.getByTestId('intake-receipts').getByRole('button', { name: words.fr.intake.takeReceipts }).count()) === 0, 'the receipts are still offered after they were taken');

          // The set-aside row decided from the keyboard: its file goes on the person found (same passport). The
          // receipts are taken, so the new file's access code is shown here, once.
          const d = words.fr.intake.decision;
          await review.getByRole('button', { name: d.title.replace('{{line}}', '6') }).focus();
          await page.keyboard.press('Enter');
          const dialog = page.getByRole('dialog', { name: d.title.replace('{{line}}', '6') });
          await dialog.waitFor();
          await dialog.getByRole('radio', { name: d.attach }).focus();
          await page.keyboard.press('Space');
          await dialog.getByRole('radio', { name: d.attach, checked: true }).waitFor();
          await dialog.getByLabel(new RegExp(`^${d.person}`)).focus();
          await page.keyboard.press('ArrowDown');
          await page.keyboard.press('Enter');
          await checkAccessibility(page, 'intake: review decision (fr)');
          await dialog.getByRole('button', { name: d.confirm }).press('Enter');
          const code = page.getByTestId('intake-decision-code');
          await code.waitFor({ timeout: 10_000 });
          expect(/MA-[0-9A-Z]{4}-[0-9A-Z]{4}/.test((await code.textContent()) ?? ''), 'the decided file has no reference and code');
          await dialog.waitFor({ state: 'detached' });
          await review.getByText(d.decided.attached).waitFor({ timeout: 10_000 });
          await code.getByRole('button', { name: fr.common.close }).click();
          await code.waitFor({ state: 'detached' });

          // From the set-aside row to the person it looks like.
          await review.getByRole('link').first().click();
          await page.getByRole('heading', { name: 'Ama Serwaa Mensah', level: 1 }).waitFor({ timeout: 10_000 });
          await page.goBack();
          await page.goto(`${page.url().split('?')[0]}?${new URL(page.url()).searchParams.toString()}&lang=ar`);
          await page.getByRole('heading', { name: words.ar.intake.title }).waitFor();
          await page.getByTestId('intake-error-row').first().waitFor({ timeout: 10_000 });
          await inspect(page, 'ar', 'intake');
          await screenshot(page, 'ar-intake-batch');
        });
      } finally {
        await context.close();
      }
    },
  },
];
