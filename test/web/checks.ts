import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { El, Win } from './dom';
import { ROOT } from './stack';

export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');

export class CheckFailed extends Error {}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

export interface AxeSummary {
  page: string;
  violations: { id: string; impact: string | null; nodes: number; help: string }[];
}
export const axeResults: AxeSummary[] = [];

/**
 * Judge a page at rest: a dialog still fading in has half-transparent colours that fail contrast for a moment (CI
 * measured 3.5:1 and 4.3:1 on two confirmation dialogs). `getAnimations()` alone is not enough: Mantine starts a
 * transition a frame after the dialog is mounted, so right after the click there may be nothing running yet. Wait
 * two frames, then until no animation or transition runs and every open dialog and its ancestors are fully opaque.
 */
const TWO_FRAMES = `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))))`;
const AT_REST = `document.getAnimations().every((a) => a.playState !== 'running') &&
  Array.from(document.querySelectorAll('[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]')).every((d) => {
    for (let e = d; e; e = e.parentElement) if (getComputedStyle(e).opacity !== '1') return false;
    return true;
  })`;

export async function waitUntilAtRest(page: Page): Promise<void> {
  await page.evaluate(TWO_FRAMES);
  // Still unsettled after 5 s: axe judges the page as it is and reports what it finds.
  await page.waitForFunction(AT_REST, undefined, { timeout: 5_000, polling: 100 }).catch(() => undefined);
}

/**
 * axe-core on the page as it stands (WCAG 2.1 A and AA rules). Fails on any serious or critical violation; the
 * minor and moderate ones are recorded for the report.
 */
export async function checkAccessibility(page: Page, name: string): Promise<void> {
  await waitUntilAtRest(page);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, nodes: v.nodes.length, help: v.help }));
  axeResults.push({ page: name, violations });
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.length === 0,
    `axe on ${name}: ${bad.map((v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}: ${(v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ')}`).join('; ')}`,
  );
}

/**
 * Every control a mouse user can reach is reachable with Tab alone: walks the page with Tab and checks that each
 * visible, enabled control in the tab order (tabindex >= 0) received the focus.
 */
export async function checkKeyboardReachability(page: Page, name: string, maxTabs = 150): Promise<void> {
  const marked = await page.evaluate(() => {
    const w = globalThis as unknown as Win;
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]';
    let n = 0;
    for (const el of Array.from(w.document.querySelectorAll(selector))) {
      const style = w.getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      const visible = rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
      if (!visible || el.tabIndex < 0 || el.disabled || el.closest('[inert],[aria-hidden="true"]')) continue;
      el.dataset.kbd = String(n++);
    }
    return n;
  });
  await page.evaluate(() => (globalThis as unknown as Win).document.activeElement?.blur?.());
  await page.locator('body').focus().catch(() => undefined);
  const reached = new Set<string>();
  for (let i = 0; i < maxTabs && reached.size < marked; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => (globalThis as unknown as Win).document.activeElement?.dataset.kbd ?? null);
    if (id !== null) reached.add(id);
  }
  const missed = await page.evaluate(
    (ids) =>
      Array.from((globalThis as unknown as Win).document.querySelectorAll('[data-kbd]'))
        .filter((el: El) => !ids.includes(el.dataset.kbd!))
        .map((el: El) => `${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`),
    [...reached],
  );
  expect(missed.length === 0, `keyboard on ${name}: not reachable with Tab: ${missed.join(', ')}`);
  const mouseOnly = await mouseOnlyControls(page);
  expect(mouseOnly.length === 0, `keyboard on ${name}: clickable but not focusable (mouse only): ${mouseOnly.join(', ')}`);
}

/**
 * Controls only a mouse can use: the Tab walk above sees only what is already focusable, so a `div` with a click
 * handler would never be noticed. React attaches its listeners to the root, so a handler cannot be read off the
 * element; as a heuristic, an element counts as clickable when it has an onclick attribute, a role of a control
 * (button, link, tab, menuitem, checkbox, radio, switch) or a pointer cursor of its own (not inherited from a
 * clickable parent). Reported when it is visible, not focusable (neither natively nor with tabindex >= 0) and not
 * inside a focusable control or a label (a label's click goes to its field).
 */
export async function mouseOnlyControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Beyond the shapes of ./dom: the attribute test and the cursor.
    const w = globalThis as unknown as Omit<Win, 'getComputedStyle'> & { getComputedStyle(el: El): { cursor: string; visibility: string; display: string } };
    const FOCUSABLE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [contenteditable="true"], [tabindex]:not([tabindex^="-"]), label';
    const ROLES = /^(button|link|tab|menuitem|menuitemcheckbox|menuitemradio|checkbox|radio|switch)$/;
    const clickable = (el: El): boolean => {
      if (el.getAttribute('onclick') !== null || ROLES.test(el.getAttribute('role') ?? '')) return true;
      if (w.getComputedStyle(el).cursor !== 'pointer') return false;
      const parent = el.parentElement;
      return !parent || w.getComputedStyle(parent).cursor !== 'pointer';
    };
    const found: string[] = [];
    for (const el of Array.from(w.document.querySelectorAll('body *'))) {
      if (!clickable(el) || el.closest(FOCUSABLE) || el.closest('[inert],[aria-hidden="true"],[disabled],[aria-disabled="true"]')) continue;
      const rect = el.getBoundingClientRect();
      const style = w.getComputedStyle(el);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || style.display === 'none') continue;
      const role = el.getAttribute('role');
      found.push(`${el.tagName.toLowerCase()}${role ? `[role=${role}]` : ''}${el.getAttribute('class') ? `.${el.getAttribute('class')!.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
    }
    return found;
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  // From the top, so that the fixed header is drawn where it belongs in a full-page picture.
  await page.evaluate(() => (globalThis as unknown as Win).scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The page's layout direction and language, as the browser sees them. */
export async function documentDirection(page: Page): Promise<{ dir: string; lang: string }> {
  return page.evaluate(() => {
    const { dir, lang } = (globalThis as unknown as Win).document.documentElement;
    return { dir, lang };
  });
}

/**
 * Elements whose text is cut off (content wider than the box with overflow hidden), or that stick out of the screen
 * sideways (outside any scrolling box), for the "nothing clipped" check.
 */
export async function clippedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = globalThis as unknown as Win;
    return Array.from(w.document.querySelectorAll('h1, h2, h3, label, button, a, p, td, th, [role="tab"], .mantine-Badge-label'))
      .filter((el) => {
        const s = w.getComputedStyle(el);
        const hides = s.overflow === 'hidden' || s.overflowX === 'hidden' || s.textOverflow === 'ellipsis';
        return hides && el.scrollWidth > el.clientWidth + 1 && el.getBoundingClientRect().width > 0;
      })
      .map((el) => (el.textContent ?? '').trim().slice(0, 40))
      .concat(
        Array.from(w.document.querySelectorAll('button, a, input, select, h1, h2, label'))
          .filter((el) => {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || el.closest('[inert]')) return false;
            // Inside a box that scrolls sideways (a wide table, the diagram), sticking out is expected.
            let scroller: El | null = el;
            while (scroller && scroller.tagName !== 'BODY') {
              const s = w.getComputedStyle(scroller);
              if (s.overflowX === 'auto' || s.overflowX === 'scroll') return false;
              scroller = scroller.parentElement;
            }
            return r.left < -1 || r.right > w.innerWidth + 1;
          })
          .map((el) => `off-screen: ${(el.textContent ?? '').trim().slice(0, 30) || el.tagName}`),
      );
  });
}
