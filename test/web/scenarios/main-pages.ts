import type { Page } from 'playwright-core';
import { ar } from '../../../apps/web/src/i18n/messages/ar';
import { fr } from '../../../apps/web/src/i18n/messages/fr';
import { USERS } from '../api';
import { checkAccessibility, checkKeyboardReachability, clippedTexts, documentDirection, expect, screenshot } from '../checks';
import type { Win } from '../dom';
import type { TestCase, TestContext } from '../run';
import { statusFile } from './status';
import { signedIn } from './ui';

const MESSAGES = { ar, fr } as const;

/** Looks at a page as the tests look at every main page: direction, nothing clipped, axe, a screenshot. */
export async function inspect(page: Page, lang: 'ar' | 'fr', name: string, opts: { keyboard?: boolean } = {}): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  const { dir } = await documentDirection(page);
  expect(dir === (lang === 'ar' ? 'rtl' : 'ltr'), `${name}: <html dir> is ${dir} in ${lang}`);
  if (lang === 'ar' && (await page.locator('nav').count()) > 0 && (page.viewportSize()?.width ?? 0) >= 1000) {
    // Mirrored: the side menu sits at the right of the page.
    const nav = await page.locator('nav').first().boundingBox();
    expect(nav && nav.x > 500, `${name}: the menu is not at the right in Arabic (x=${nav?.x})`);
  }
  const clipped = await clippedTexts(page);
  expect(clipped.length === 0, `${name} (${lang}): clipped text: ${clipped.join(' | ')}`);
  await checkAccessibility(page, `${name} (${lang})`);
  if (opts.keyboard) await checkKeyboardReachability(page, `${name} (${lang})`);
  await screenshot(page, `${lang}-${name}`);
}

function pagesIn(lang: 'ar' | 'fr'): TestCase {
  const t = MESSAGES[lang];
  return {
    name: `main pages in ${lang === 'ar' ? 'Arabic' : 'French'}: axe, keyboard, direction, screenshots`,
    run: async (ctx: TestContext) => {
      const base = ctx.stack.baseUrl;
      const file = await statusFile(ctx);

      const anonymous = await ctx.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: lang === 'ar' ? 'ar-MA' : 'fr-MA' });
      try {
        const page = await anonymous.newPage();
        await page.goto(`${base}/welcome`);
        await page.getByRole('heading', { name: t.welcome.title }).waitFor();
        await inspect(page, lang, 'welcome', { keyboard: true });
        await page.goto(`${base}/login`);
        await inspect(page, lang, 'login', { keyboard: true });
      } finally {
        await anonymous.close();
      }

      const cw = await signedIn(ctx.browser, base, USERS.caseworker, lang);
      try {
        await cw.page.goto(`${base}/app/queue?tab=office`);
        await cw.page.getByTestId('queue-row').first().waitFor({ timeout: 10_000 });
        await inspect(cw.page, lang, 'work-queue', { keyboard: true });
        await cw.page.goto(`${base}/app/register`);
        await inspect(cw.page, lang, 'register', { keyboard: true });
        await cw.page.goto(`${base}/app/cases/${file.id}`);
        await cw.page.getByTestId('case-state').waitFor();
        await cw.page.getByTestId('workflow-diagram').locator('svg').waitFor({ timeout: 20_000 });
        // "You are here": the file's state, and no other, is drawn highlighted, in the words of the page's language.
        const state = await cw.page.getByTestId('case-state').getAttribute('data-state');
        const highlighted = cw.page.getByTestId('workflow-diagram').locator('svg g.node.current');
        expect((await highlighted.count()) === 1, `${await highlighted.count()} states highlighted in the diagram, expected 1`);
        const nodeId = (await highlighted.getAttribute('id')) ?? '';
        expect(nodeId.includes(`state-${state}-`), `the highlighted state is ${nodeId}, not the file's ${state}`);
        const words = (await highlighted.textContent())?.trim() ?? '';
        expect(lang === 'ar' ? /[\u0600-\u06FF]/.test(words) : /^[^_]+$/.test(words) && !/clock/.test(words), `the current state reads "${words}" in ${lang}`);
        await inspect(cw.page, lang, 'case-page', { keyboard: true });
      } finally {
        await cw.context.close();
      }

      const sv = await signedIn(ctx.browser, base, USERS.supervisor, lang);
      try {
        await sv.page.goto(`${base}/app/supervision`);
        await inspect(sv.page, lang, 'supervision', { keyboard: true });
        await sv.page.goto(`${base}/app/statistics`);
        await sv.page.getByTestId('report-table').or(sv.page.getByText(t.stats.empty)).first().waitFor({ timeout: 15_000 });
        await inspect(sv.page, lang, 'statistics', { keyboard: true });
        await sv.page.goto(`${base}/app/audit`);
        await sv.page.getByTestId('audit-events').waitFor({ timeout: 10_000 });
        await sv.page.getByRole('button', { name: t.audit.verify }).click();
        await sv.page.getByTestId('audit-verification').waitFor({ timeout: 20_000 });
        expect((await sv.page.getByTestId('audit-verification').textContent())?.includes(t.audit.intact), 'the audit chain is not reported intact');
        await inspect(sv.page, lang, 'audit-trail', { keyboard: true });
      } finally {
        await sv.context.close();
      }

      const admin = await signedIn(ctx.browser, base, USERS.admin, lang);
      try {
        await admin.page.goto(`${base}/app/admin/users`);
        await admin.page.getByTestId('users-table').waitFor();
        await inspect(admin.page, lang, 'admin-users', { keyboard: true });
        await admin.page.goto(`${base}/app/admin/offices`);
        await admin.page.getByTestId('offices-table').waitFor();
        await inspect(admin.page, lang, 'admin-offices', { keyboard: true });
        await admin.page.goto(`${base}/app/admin/dead-letters`);
        await inspect(admin.page, lang, 'admin-dead-letters', { keyboard: true });
      } finally {
        await admin.context.close();
      }
    },
  };
}

export const mainPages: TestCase[] = [
  pagesIn('ar'),
  pagesIn('fr'),
  {
    name: 'work queue: arrow keys move between files, Enter opens one',
    run: async (ctx) => {
      await statusFile(ctx);
      const { context, page } = await signedIn(ctx.browser, ctx.stack.baseUrl, USERS.caseworker, 'fr');
      try {
        await page.goto(`${ctx.stack.baseUrl}/app/queue?tab=office`);
        const rows = page.getByTestId('queue-row');
        await rows.first().waitFor({ timeout: 10_000 });
        const count = await rows.count();
        expect(count >= 2, `the office queue has ${count} file(s); the test needs two`);
        await rows.first().focus();
        await page.keyboard.press('ArrowDown');
        const focused = await page.evaluate(() => {
          const { document } = globalThis as unknown as Win;
          return document.activeElement !== null && document.activeElement === document.querySelectorAll('[data-testid="queue-row"]')[1];
        });
        expect(focused, 'ArrowDown did not move to the second file');
        const reference = (await rows.nth(1).locator('a').textContent())!.trim();
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/app\/cases\//);
        await page.getByRole('heading', { name: reference }).waitFor({ timeout: 10_000 });
      } finally {
        await context.close();
      }
    },
  },
];
