import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium with the launch flags of ../shared/TOOLCHAIN.md. playwright-core's launch() always starts the
 * browser on a new, empty, temporary profile (its own --user-data-dir) and deletes it on close.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}
