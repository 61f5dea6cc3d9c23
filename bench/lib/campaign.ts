import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ROOT } from './proc';
import { existingDatabase, freshDatabase, migrate, productionEnv, type BenchDatabase } from './services';

export interface Campaign {
  db: BenchDatabase;
  files: number;
  /** reference,access-code pairs of a sample of the files (the codes are never stored, so the seed keeps some). */
  codes: { reference: string; accessCode: string }[];
  seededInSeconds: number | null;
}

/** Runs `scripts/seed-synthetic.ts` on a database with the benchmark's production keys. */
export async function seed(dbUrl: string, files: number, codesOut: string, extraArgs: string[] = [], quiet = false): Promise<number> {
  const t0 = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'scripts', 'seed-synthetic.ts'), '--files', String(files), '--codes-out', codesOut, ...extraArgs], {
      cwd: ROOT,
      env: { ...process.env, ...productionEnv(dbUrl) },
      stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed-synthetic exited with ${code}\n${output.slice(-2000)}`))));
  });
  return (Date.now() - t0) / 1000;
}

/**
 * A seeded campaign database `masar_bench_<label>`, kept between runs (seeding a million files takes minutes):
 * reused when it holds at least `files` files and its codes sample exists, else rebuilt.
 */
export async function campaign(label: string, files: number, opts: { reuse?: boolean } = {}): Promise<Campaign> {
  const codesOut = join(ROOT, '.masar', 'bench-state', `codes-${label}.csv`);
  let db = opts.reuse === false ? null : await existingDatabase(label);
  let seededInSeconds: number | null = null;
  if (db) {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    const n = await c.query(`select count(*)::int as n from applications`).then((r) => r.rows[0].n as number, () => -1);
    await c.end();
    if (n !== files || !existsSync(codesOut)) db = null;
    else {
      // Kept between runs: bring it up to the migrations of this checkout (others add some while we measure).
      migrate(db.url);
      console.log(`reusing ${db.name} (${n.toLocaleString('en')} files)`);
    }
  }
  if (!db) {
    db = await freshDatabase(label);
    console.log(`seeding ${files.toLocaleString('en')} files into ${db.name}...`);
    seededInSeconds = await seed(db.url, files, codesOut);
  }
  const codes = readFileSync(codesOut, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [reference, accessCode] = l.split(',');
      return { reference: reference!, accessCode: accessCode! };
    });
  return { db, files, codes, seededInSeconds };
}
