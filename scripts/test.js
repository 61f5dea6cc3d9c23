#!/usr/bin/env node
/**
 * `npm test`: every unit, integration and end-to-end test, on the PostgreSQL and Redis it finds (configured or on
 * localhost; an embedded PostgreSQL when none answers). In CI (CI=true) a skipped test is an error: a suite that
 * could not run is not a suite that passed.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const out = join(root, 'artifacts', 'jest-results.json');
mkdirSync(join(root, 'artifacts'), { recursive: true });
const args = [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--json', `--outputFile=${out}`, ...process.argv.slice(2)];
const run = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root, env: { NODE_ENV: 'test', ...process.env } });

let results;
try {
  results = JSON.parse(readFileSync(out, 'utf8'));
} catch {
  console.error('no test results were written');
  process.exit(run.status || 1);
}

// The web application's component and unit tests (Vitest), unless a subset of Jest tests was asked for.
let webStatus = 0;
const webConfig = join(root, 'apps', 'web', 'vite.config.mts');
if (existsSync(webConfig) && process.argv.length <= 2 && hasWebTests(join(root, 'apps', 'web', 'src'))) {
  const webOut = join(root, 'artifacts', 'vitest-results.json');
  const web = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', webConfig, '--reporter=default', '--reporter=json', `--outputFile.json=${webOut}`], {
    stdio: 'inherit',
    cwd: root,
  });
  webStatus = web.status ?? 1;
  try {
    const w = JSON.parse(readFileSync(webOut, 'utf8'));
    results.numPassedTests += w.numPassedTests;
    results.numFailedTests += w.numFailedTests;
    results.numPendingTests += w.numPendingTests;
    results.numTodoTests += w.numTodoTests;
    results.numTotalTests += w.numTotalTests;
  } catch {
    if (webStatus === 0) webStatus = 1;
    console.error('the web tests wrote no results');
  }
}
const skipped = results.numPendingTests + results.numTodoTests;
console.log(`\n${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`);
if (process.env.CI && skipped > 0) {
  console.error(`CI: ${skipped} test(s) were skipped; nothing may be skipped in CI.`);
  process.exit(1);
}
if (results.numTotalTests === 0) {
  console.error('no test ran');
  process.exit(1);
}
process.exit(run.status || webStatus);

function hasWebTests(dir) {
  const { readdirSync, statSync } = require('node:fs');
  if (!existsSync(dir)) return false;
  return readdirSync(dir).some((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? hasWebTests(p) : /\.test\.tsx?$/.test(name);
  });
}
