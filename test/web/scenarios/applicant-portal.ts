import { ar } from '../../../apps/web/src/i18n/messages/ar';
import { checkAccessibility, checkKeyboardReachability, clippedTexts, expect, screenshot } from '../checks';
import { dayFromNow, pdfDocument, photo } from '../fixtures';
import type { TestCase } from '../run';
import { statusFile } from './status';
import { shootOnFailure } from './ui';

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** On a phone, in Arabic: an applicant makes an account, links their file with the receipt, reads where it stands. */
export const applicantPortal: TestCase[] = [
  {
    name: 'applicant (phone, Arabic) creates an account, links the file with the receipt, sees it and the messages',
    run: async (ctx) => {
      const file = await statusFile(ctx);
      const context = await ctx.browser.newContext({ ...PHONE, locale: 'ar-MA' });
      const page = await context.newPage();
      try {
        await shootOnFailure(page, 'applicant-portal', async () => {
          await page.goto(`${ctx.stack.baseUrl}/signup`);
          await page.getByRole('heading', { name: ar.signup.title }).waitFor();
          await page.getByLabel(ar.signup.name).fill('أميناتا سو');
          await page.locator('input[type="email"]').fill(`aminata.${Date.now()}@example.org`);
          await page.locator('input[type="password"]').fill('une phrase assez longue');
          await page.getByRole('button', { name: ar.signup.submit }).click();
          await page.waitForURL(/\/my$/);
          await page.getByText(ar.my.none).waitFor();

          await page.getByLabel(ar.my.reference).fill(file.reference);
          await page.getByLabel(ar.my.accessCode).fill(file.accessCode);
          await page.getByRole('button', { name: ar.my.link }).click();
          const card = page.getByTestId('my-file');
          await card.waitFor({ timeout: 10_000 });
          expect((await card.textContent())?.includes(file.reference), 'the linked file is not listed');
          const stage = (await card.getByTestId('my-file-stage').textContent())?.trim() ?? '';
          expect(/[\u0600-\u06FF]/.test(stage), `the stage is not in Arabic: "${stage}"`);
          const clipped = await clippedTexts(page);
          expect(clipped.length === 0, `clipped text: ${clipped.join(' | ')}`);
          await checkAccessibility(page, 'my files (ar)');
          await checkKeyboardReachability(page, 'my files (ar)');
          await screenshot(page, 'ar-my-files');

          await card.getByRole('link', { name: ar.my.open }).click();
          await page.getByRole('heading', { name: ar.my.fileTitle }).waitFor();
          // Two ways in: the camera (a photo), or a file already on the phone (a PDF or photo): a camera-only input hid those.
          const camera = page.locator('input[type="file"][capture]');
          const chooser = page.locator('input[type="file"]:not([capture])');
          expect((await camera.getAttribute('accept')) === 'image/*', 'the camera input does not ask for a photo');
          expect(((await chooser.getAttribute('accept')) ?? '').includes('application/pdf'), 'the file chooser does not offer PDFs');
          for (const action of [ar.documents.takePhoto, ar.documents.chooseFile]) {
            const box = await page.getByRole('button', { name: action }).boundingBox();
            expect(!!box && box.height >= 44, `"${action}" is not a big enough touch target (${box?.height}px)`);
          }
          const checklist = page.getByTestId('checklist');
          await page.getByRole('combobox', { name: ar.documents.which }).click();
          await page.getByRole('option', { name: ar.documentKinds.photo }).click();
          // A photo needs no date.
          expect((await page.locator('input[type="date"]').count()) === 0, 'a date is asked for a photo');
          await camera.setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await photo(7) });
          await page.getByRole('button', { name: ar.documents.send }).click();
          await page.getByText(ar.documents.uploaded).first().waitFor({ timeout: 15_000 });
          await checklist.getByRole('row').filter({ hasText: ar.documentKinds.photo }).filter({ hasNotText: ar.documents.statuses.missing }).waitFor({ timeout: 15_000 });

          // The passport as a PDF already on the phone: its expiry date is asked, in plain words, and sent with it.
          await page.getByRole('combobox', { name: ar.documents.which }).click();
          await page.getByRole('option', { name: ar.documentKinds.identity_document }).click();
          const expiry = page.getByLabel(ar.documents.expiryDate);
          expect((await expiry.getAttribute('type')) === 'date', 'the expiry date is not a native date input');
          await chooser.setInputFiles({ name: 'passport.pdf', mimeType: 'application/pdf', buffer: await pdfDocument('Passport') });
          expect(await page.getByRole('button', { name: ar.documents.send }).isDisabled(), 'the passport can be sent without its expiry date');
          const expiresOn = dayFromNow(4);
          await expiry.fill(expiresOn);
          const sent = page.waitForRequest((r) => r.method() === 'POST' && /\/documents\?/.test(r.url()));
          await page.getByRole('button', { name: ar.documents.send }).click();
          const query = new URL((await sent).url()).searchParams;
          expect(query.get('kind') === 'identity_document' && query.get('expiresOn') === expiresOn, `the upload was sent as ${query}`);
          await checklist.getByRole('row').filter({ hasText: ar.documentKinds.identity_document }).filter({ hasNotText: ar.documents.statuses.missing }).waitFor({ timeout: 15_000 });
          await checkAccessibility(page, 'my file (ar)');
          await screenshot(page, 'ar-my-file');

          // The menu is behind the burger on a phone.
          await page.getByRole('button', { name: ar.nav.menu }).click();
          await page.getByRole('link', { name: ar.nav.notifications }).click();
          await page.getByRole('heading', { name: ar.inbox.title }).waitFor();
          await checkAccessibility(page, 'messages (ar)');
          await screenshot(page, 'ar-my-messages');
        });
      } finally {
        await context.close();
      }
    },
  },
];
