#!/usr/bin/env node
/**
 * `npm test`: every unit, integration and end-to-end test, on the PostgreSQL and Redis it finds (configured or on
 * localhost; an embedded PostgreSQL when none answers). In CI (CI=true) a skipped test is an error: a suite that
 * could not run is not a suite that passed.
 */
const { spawnSync } = require('node:child_process');
const { mkdirSync, readFileSync } = require('node:fs');
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
process.exit(run.status ?? 1);
