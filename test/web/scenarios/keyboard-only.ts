import type { Page } from 'playwright-core';
import { fr } from '../../../apps/web/src/i18n/messages/fr';
import { DEMO_PASSWORD, USERS } from '../api';
import { expect, mouseOnlyControls, screenshot } from '../checks';
import type { Win } from '../dom';
import { pdfDocument, photo } from '../fixtures';
import type { TestCase } from '../run';
import { shootOnFailure, waitForState } from './ui';

/** What has the focus: tag, role, data-action, aria-selected, and its text (enough to decide the next key). */
async function focused(page: Page): Promise<{ tag: string; role: string | null; action: string | null; selected: string | null; text: string; type: string | null }> {
  return page.evaluate(() => {
    const el = (globalThis as unknown as Win).document.activeElement;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      role: el?.getAttribute('role') ?? null,
      action: el?.getAttribute('data-action') ?? null,
      selected: el?.getAttribute('aria-selected') ?? null,
      text: (el?.textContent ?? '').trim(),
      type: el?.getAttribute('type') ?? null,
    };
  });
}

/** Presses `key` (Tab by default) until the focused element satisfies `wanted`; fails after `max` presses. */
/** The focused element once it satisfies `ok`, or as it is after `ms`: a key's effect is a React render away. */
async function focusedSoon(page: Page, ok: (f: Awaited<ReturnType<typeof focused>>) => boolean, ms = 5_000): Promise<Awaited<ReturnType<typeof focused>>> {
  const end = Date.now() + ms;
  let f = await focused(page);
  while (!ok(f) && Date.now() < end) {
    await page.waitForTimeout(100);
    f = await focused(page);
  }
  return f;
}

async function pressUntil(page: Page, what: string, wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean, key = 'Tab', max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (wanted(await focused(page))) return;
    await page.keyboard.press(key);
  }
  expect(wanted(await focused(page)), `keyboard only: ${what} not reached with ${key} in ${max} presses`);
}

/** The file moved to provincial review through the API (documents uploaded, the worker's checks awaited). */
async function fileInProvincialReview(ctx: Parameters<TestCase['run']>[0]): Promise<{ id: string; reference: string }> {
  const file = await ctx.api.submittedFile({ latinName: 'Awa Keita', nationality: 'ML', sex: 'female', birthDate: { year: 1991 } });
  const act = async (action: string) => {
    const now = await ctx.api.file(USERS.caseworker, file.id);
    await ctx.api.call(USERS.caseworker, 'POST', `/applications/${file.id}/transitions`, { action, expectedVersion: now.version });
  };
  await act('start_completeness_check');
  const pdf = { type: 'application/pdf' };
  await ctx.api.upload(USERS.caseworker, file.id, 'identity_document', { name: 'passeport.pdf', ...pdf, bytes: await pdfDocument('Passport of Awa Keita') }, { expiresOn: '2031-01-01' });
  // Files of this person only: the same bytes already given for someone else (the other scenarios' photo and PDFs)
  // are held for fraud review, and the file would never be complete.
  await ctx.api.upload(USERS.caseworker, file.id, 'photo', { name: 'photo.jpg', type: 'image/jpeg', bytes: await photo(31) });
  await ctx.api.upload(USERS.caseworker, file.id, 'proof_of_entry', { name: 'entree.pdf', ...pdf, bytes: await pdfDocument(`Entry stamp of Awa Keita, ${file.reference}`) });
  await ctx.api.upload(USERS.caseworker, file.id, 'work_contract', { name: 'contrat.pdf', ...pdf, bytes: await pdfDocument(`Work contract, 24 months, ${file.reference}`) });
  // Accepting as complete waits for the documents' checks (the worker's): until then the action is blocked.
  // Generous: in the full suite the worker may still be checking earlier scenarios' documents.
  const deadline = Date.now() + 240_000;
  for (;;) {
    const now = await ctx.api.file(USERS.caseworker, file.id);
    const accept = now.actions.find((a) => a.action === 'accept_as_complete');
    if (accept && accept.blockedBy.length === 0) break;
    if (Date.now() > deadline) throw new Error(`documents not verified in time: ${JSON.stringify(accept)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  await act('accept_as_complete');
  return file;
}

export const keyboardOnly: TestCase[] = [
  {
    name: 'keyboard only: a caseworker signs in, switches the tabs of the work queue, opens a file from it and proposes a refusal with reasons',
    run: async (ctx) => {
      const file = await fileInProvincialReview(ctx);
      const base = ctx.stack.baseUrl;
      const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-MA' });
      const page = await context.newPage();
      try {
        await shootOnFailure(page, 'keyboard-only', async () => {
          // Signing in: typed into the fields reached with Tab, sent with Enter.
          await page.goto(`${base}/login?lang=fr`);
          await page.locator('input[type="email"]').waitFor();
          await pressUntil(page, 'the e-mail field', (f) => f.tag === 'input' && f.type === 'email');
          await page.keyboard.type(USERS.caseworker);
          await pressUntil(page, 'the password field', (f) => f.tag === 'input' && f.type === 'password');
          await page.keyboard.type(DEMO_PASSWORD);
          await page.keyboard.press('Enter');
          await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });

          // The work queue's tabs (the case page has none): reached with Tab, moved along with the arrows, shown
          // with Space or Enter. From "mine" to the office's files in provincial review.
          await page.goto(`${base}/app/queue?state=provincial_review`);
          await page.getByRole('tab', { name: fr.queue.tabs.mine }).waitFor({ timeout: 15_000 });
          await pressUntil(page, 'a tab of the work queue', (f) => f.role === 'tab');
          await pressUntil(page, `the tab "${fr.queue.tabs.office}"`, (f) => f.role === 'tab' && f.text === fr.queue.tabs.office, 'ArrowRight', 10);
          await page.keyboard.press('Space');
          expect((await focusedSoon(page, (f) => f.selected === 'true')).selected === 'true', `Space did not show the tab "${fr.queue.tabs.office}"`);
          await page.keyboard.press('ArrowRight');
          const next = await focusedSoon(page, (f) => f.role === 'tab' && f.text !== fr.queue.tabs.office);
          expect(next.role === 'tab' && next.text !== fr.queue.tabs.office, `ArrowRight did not move to another tab (${next.text})`);
          await page.keyboard.press('ArrowLeft');
          await focusedSoon(page, (f) => f.text === fr.queue.tabs.office);
          await page.keyboard.press('Enter');
          const back = await focusedSoon(page, (f) => f.text === fr.queue.tabs.office && f.selected === 'true');
          expect(back.text === fr.queue.tabs.office && back.selected === 'true', `ArrowLeft and Enter did not bring back "${fr.queue.tabs.office}" (${back.text}, selected ${back.selected})`);
          await page.waitForURL((url) => url.searchParams.get('tab') === 'office', { timeout: 10_000 });

          // Into the rows with Tab, down to the file with the arrows, Enter opens it.
          await page.getByTestId('queue-row').filter({ hasText: file.reference }).waitFor({ timeout: 15_000 });
          await pressUntil(page, 'the queue rows', (f) => f.tag === 'tr');
          await pressUntil(page, `the row of ${file.reference}`, (f) => f.tag === 'tr' && f.text.includes(file.reference), 'ArrowDown', 200);
          await page.keyboard.press('Enter');
          await page.waitForURL((url) => url.pathname === `/app/cases/${file.id}`, { timeout: 15_000 });
          await waitForState(page, 'provincial_review');

          // The proposal: its button reached with Tab (or Shift+Tab), its reason dialog filled and confirmed by keyboard.
          await pressUntil(page, 'the "propose_unfavourable" button', (f) => f.action === 'propose_unfavourable', 'Tab', 120);
          await page.keyboard.press('Enter');
          const dialog = page.getByRole('dialog');
          await dialog.waitFor();
          await pressUntil(page, 'the reasons field', (f) => f.tag === 'textarea');
          await page.keyboard.type('Aucune preuve de résidence continue sur la période exigée.');
          await pressUntil(page, 'the confirm button', (f) => f.tag === 'button' && f.text === fr.common.confirm);
          await page.keyboard.press('Shift+Tab');
          expect((await focused(page)).tag !== 'button' || (await focused(page)).text !== fr.common.confirm, 'Shift+Tab did not leave the confirm button');
          await pressUntil(page, 'the confirm button again', (f) => f.tag === 'button' && f.text === fr.common.confirm);
          await page.keyboard.press('Enter');
          await waitForState(page, 'unfavourable_proposed');
          const after = await ctx.api.file(USERS.caseworker, file.id);
          expect(after.state === 'unfavourable_proposed', `the file is ${after.state}, expected unfavourable_proposed`);
          await screenshot(page, 'fr-keyboard-only-proposed');

          // The check that guards the other pages finds a control only a mouse can use, and leaves real controls be.
          expect((await mouseOnlyControls(page)).length === 0, `the case page has mouse-only controls: ${(await mouseOnlyControls(page)).join(', ')}`);
          await page.evaluate(() => {
            const d = (globalThis as unknown as { document: { createElement(t: string): { textContent: string; setAttribute(n: string, v: string): void }; body: { append(...n: unknown[]): void } } }).document;
            const fake = d.createElement('div');
            fake.textContent = 'Mouse-only control';
            fake.setAttribute('style', 'cursor: pointer; width: 120px; height: 24px');
            const real = d.createElement('button');
            real.textContent = 'Real button';
            real.setAttribute('style', 'cursor: pointer');
            d.body.append(fake, real);
          });
          const found = await mouseOnlyControls(page);
          expect(found.length === 1 && found[0]!.includes('Mouse-only control'), `the mouse-only check found ${JSON.stringify(found)}`);
        });
      } finally {
        await context.close();
      }
    },
  },
];
