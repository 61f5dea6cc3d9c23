import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { MasarConfig } from '@masar/config';

export interface DemoData {
  files: number;
  /** A few receipts (reference and access code) to try the applicants' status check with. */
  receipts: { reference: string; accessCode: string }[];
}

const root = join(__dirname, '..');

/**
 * Demo case files: on first start, a small synthetic campaign (the same generator as the benchmarks, written into
 * the real tables and walked through the real workflows), and a few receipts kept in .masar/ so that the status
 * check can be tried. Later starts keep what is there.
 */
export async function seedDemoData(ds: DataSource, config: MasarConfig): Promise<DemoData> {
  const codesFile = join(root, '.masar', 'demo-receipts.csv');
  const [{ n }] = await ds.query(`select count(*)::int as n from applications`);
  if (n === 0) {
    console.log('loading a small demo campaign (300 files) ...');
    const run = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', join(root, 'scripts', 'seed-synthetic.ts'), '--files', '300', '--codes-out', codesFile, '--codes-sample', '5', '--seed', '2026'],
      { cwd: root, env: { ...process.env, DATABASE_URL: config.database.url }, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (run.status !== 0) throw new Error('the demo campaign could not be loaded');
  }
  const [{ files }] = await ds.query(`select count(*)::int as files from applications`);
  const receipts = existsSync(codesFile)
    ? readFileSync(codesFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [reference, accessCode] = line.split(',');
          return { reference: reference!, accessCode: accessCode! };
        })
    : [];
  return { files, receipts };
}
