import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../api';
import { expect, screenshot } from '../checks';

export const DESKTOP = { viewport: { width: 1366, height: 900 } };

/** A signed-in browser tab for a demo user, with the UI in the given language. */
export async function signedIn(browser: Browser, base: string, email: string, lang: 'ar' | 'fr' | 'en' | 'es' = 'fr', options = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...options, locale: lang === 'ar' ? 'ar-MA' : `${lang}-MA` });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`      [page error] ${e.message}`));
  await page.goto(`${base}/login?lang=${lang}`);
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
  return { context, page };
}

/** Picks an option of a Mantine Select by its label. */
export async function choose(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Waits until the case page shows the file in `state`. */
export async function waitForState(page: Page, state: string, timeout = 15_000): Promise<void> {
  await page.locator(`[data-testid="case-state"][data-state="${state}"]`).waitFor({ timeout });
}

/** Takes a workflow action from the case page: its button, the dialog (with reasons when given), confirm. */
export async function takeAction(page: Page, action: string, confirmLabel: string, reason?: string): Promise<void> {
  const button = page.locator(`[data-action="${action}"]`);
  await button.waitFor({ timeout: 15_000 });
  expect(await button.isEnabled(), `the "${action}" button is disabled`);
  await button.click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (reason) await dialog.locator('textarea').fill(reason);
  await dialog.getByRole('button', { name: confirmLabel }).click();
}

/** Runs a test's steps; when one fails, keeps a screenshot of where the page was (artifacts/screenshots/failed-*). */
export async function shootOnFailure(page: Page, name: string, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (e) {
    await screenshot(page, `failed-${name}`).catch(() => undefined);
    throw e;
  }
}
