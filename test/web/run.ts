/**
 * The browser tests: the built web application served by the real API (and its worker) on a database of their own,
 * driven by playwright-core in Debian's Chromium. Run: `node -r @swc-node/register test/web/run.ts`
 * (options: --no-build to reuse apps/web/dist, --only <text> to run the tests whose name contains it, --verbose).
 * Writes screenshots to artifacts/screenshots/ and the accessibility findings to artifacts/web-axe.json.
 * Exits 0 when every test passed, 1 otherwise.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { Api } from './api';
import { launchChromium } from './browser';
import { axeResults, SCREENSHOTS } from './checks';
import { applicantPortal } from './scenarios/applicant-portal';
import { caseworkerFlow } from './scenarios/caseworker-flow';
import { mainPages } from './scenarios/main-pages';
import { intake } from './scenarios/intake';
import { keyboardOnly } from './scenarios/keyboard-only';
import { personRecords } from './scenarios/person-records';
import { statusChecks } from './scenarios/status';
import { supervisorTools } from './scenarios/supervisor-tools';
import { supervisorAudit } from './scenarios/supervisor-audit';
import { ROOT, startStack, type Stack } from './stack';

export interface TestContext {
  stack: Stack;
  api: Api;
  browser: Browser;
  /** Shared between tests that run in order (the file the caseworker creates, the supervisor confirms...). */
  shared: Record<string, unknown>;
}

export type TestCase = { name: string; run: (ctx: TestContext) => Promise<void> };

function step(title: string) {
  console.log(`\n=== ${title} ===`);
}

function sh(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const verbose = args.includes('--verbose');
  if (!args.includes('--no-build')) {
    step('build the web application');
    sh(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'apps/web/tsconfig.json']);
    sh(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn']);
  }
  // Pictures of an earlier run's failures would be mistaken for this run's.
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const f of readdirSync(SCREENSHOTS)) if (f.startsWith('failed-')) rmSync(join(SCREENSHOTS, f));
  step('status page weight');
  sh(process.execPath, [join(ROOT, 'apps', 'web', 'scripts', 'bundle-budget.mjs')]);

  step('start Masar (API + worker) and Chromium');
  const stack = await startStack({ verbose });
  console.log(`Masar at ${stack.baseUrl}`);
  const chromium = await launchChromium();
  const ctx: TestContext = { stack, api: new Api(stack.baseUrl), browser: chromium.browser, shared: {} };

  const cases: TestCase[] = [...statusChecks, ...caseworkerFlow, ...applicantPortal, ...mainPages, ...personRecords, ...intake, ...supervisorTools, ...supervisorAudit, ...keyboardOnly].filter((c) => !only || c.name.includes(only));
  const results: { name: string; ok: boolean; ms: number; error?: string }[] = [];
  try {
    for (const c of cases) {
      const started = Date.now();
      try {
        await c.run(ctx);
        results.push({ name: c.name, ok: true, ms: Date.now() - started });
        console.log(`  ✓ ${c.name} (${Date.now() - started} ms)`);
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        results.push({ name: c.name, ok: false, ms: Date.now() - started, error });
        console.log(`  ✗ ${c.name}\n      ${error.split('\n').join('\n      ')}`);
      }
    }
  } finally {
    await chromium.close();
    // What the server said, for a failed run (never personal data: the logs are redacted by the API).
    if (results.some((r) => !r.ok)) {
      const errors = stack.logs.filter((l) => /"level":(50|60)|Error|error/.test(l)).slice(-15);
      if (errors.length) console.log(`\nlast server errors:\n${errors.join('').slice(-6000)}`);
    }
    await stack.stop();
  }

  mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
  writeFileSync(join(ROOT, 'artifacts', 'web-axe.json'), JSON.stringify(axeResults, null, 2));
  const failed = results.filter((r) => !r.ok);
  const minor = axeResults.reduce((n, r) => n + r.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical').length, 0);
  console.log(`\n${results.length - failed.length} passed, ${failed.length} failed; axe: ${axeResults.length} pages checked, ${minor} minor/moderate finding(s) (artifacts/web-axe.json)`);
  if (results.length === 0) {
    console.error('no browser test ran');
    process.exit(1);
  }
  process.exit(failed.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
