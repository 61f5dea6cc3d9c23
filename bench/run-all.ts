/**
 * `npm run bench`: every benchmark, one after the other, each in its own process (so one's memory and open
 * handles never weigh on the next), then bench/RESULTS.md rewritten from bench/results/*.json. Arguments after
 * `--` (for example `--quick`) are passed to each benchmark; `--only a,b` runs some. A benchmark that fails is
 * reported and the others still run; the exit code is 1 when any failed.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './lib/proc';
import { writeResultsMarkdown } from './lib/results';

const BENCHES = ['outbox', 'status', 'transition', 'worker', 'worker-notifications', 'work-queue', 'intake', 'soak'];

function main(): number {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? new Set((args[args.indexOf('--only') + 1] ?? '').split(',')) : null;
  const pass = args.filter((a, i) => a !== '--only' && args[i - 1] !== '--only');
  const failed: string[] = [];
  for (const b of BENCHES) {
    if (only && !only.has(b)) continue;
    console.log(`\n===== bench:${b} =====`);
    const r = spawnSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'bench', `${b}.bench.ts`), ...pass], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) failed.push(b);
  }
  writeResultsMarkdown();
  console.log(`\nbench/RESULTS.md written.${failed.length ? ` Failed: ${failed.join(', ')}` : ''}`);
  return failed.length ? 1 : 0;
}

process.exit(main());
