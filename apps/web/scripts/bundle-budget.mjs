#!/usr/bin/env node
/**
 * The status page's weight on a slow phone connection: every JavaScript and CSS file the browser must fetch to show
 * /status (the entry chunk, the status chunk and everything they import), gzip-compressed, against a 150 KB budget.
 * Also fails when one of those files carries Mantine, charts or Mermaid, which must load only for the other pages.
 * Reads apps/web/dist/.vite/manifest.json written by `vite build`. Exit 0 within budget, 1 over it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const BUDGET = Number(process.env.STATUS_BUDGET_BYTES ?? 150 * 1024);
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

/** The files a route needs: a chunk, its static imports (recursively) and their CSS; not its dynamic imports. */
export function closure(keys) {
  const files = new Set();
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`no chunk ${key} in the manifest`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imp of chunk.imports ?? []) visit(imp);
  };
  keys.forEach(visit);
  return [...files];
}

const statusKey = Object.keys(manifest).find((k) => k.endsWith('src/status/mount.tsx'));
if (!statusKey) throw new Error('the status page is not its own chunk');
const files = closure(['index.html', statusKey]);
let total = 0;
const rows = files.map((f) => {
  const bytes = readFileSync(join(dist, f));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  return { file: f, raw: bytes.length, gzip: gz, text: bytes.toString('utf8') };
});
for (const r of rows) console.log(`${String(r.gzip).padStart(8)} B gz  ${String(r.raw).padStart(8)} B  ${r.file}`);
console.log(`${String(total).padStart(8)} B gz  total for /status (budget ${BUDGET} B = ${(BUDGET / 1024).toFixed(0)} KB)`);

const forbidden = [/mantine-/, /@mantine/, /recharts/, /mermaid/i, /cytoscape/];
const leaks = rows.flatMap((r) => forbidden.filter((re) => re.test(r.text)).map((re) => `${r.file} contains ${re}`));
if (leaks.length) {
  console.error(`the status page loads code meant for other pages:\n  ${leaks.join('\n  ')}`);
  process.exit(1);
}
if (total > BUDGET) {
  console.error(`over budget by ${total - BUDGET} B`);
  process.exit(1);
}
