/**
 * `npm run demo`: Masar on this machine with nothing else installed. Starts the embedded PostgreSQL (unless
 * DATABASE_URL is set), applies the migrations, loads the demo offices, staff and files, then runs the API and the
 * worker as two processes, as production does, and prints where to go and how to sign in.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@masar/config';
import { dataSourceOptions, resolveDatabaseUrl } from '@masar/database';
import { runMigrations } from '@masar/db';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoStaff } from '@masar/identity';
import { seedDemoData, type DemoData } from './demo-data';

const root = join(__dirname, '..');

async function waitReady(url: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the API was not ready after ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  process.env.NODE_ENV ??= 'development';
  const config = loadConfig();
  const { url, embedded } = await resolveDatabaseUrl(config);
  console.log(embedded ? `embedded PostgreSQL: ${config.database.embeddedDir}` : 'PostgreSQL: DATABASE_URL');
  console.log(`queues: ${config.queue.redisUrl ? 'Redis (REDIS_URL)' : "bullmq's PostgreSQL backend (no REDIS_URL)"}`);

  const applied = await runMigrations(url);
  console.log(applied.length ? `migrations applied: ${applied.length}` : 'schema up to date');
  const ds = await new DataSource(dataSourceOptions(url, 2)).initialize();
  let demo: DemoData = { files: 0, receipts: [] };
  try {
    await seedDemoStaff(ds.manager);
    demo = await seedDemoData(ds, config);
    console.log(`demo files: ${demo.files}`);
  } finally {
    await ds.destroy();
  }

  if (existsSync(join(root, 'apps', 'web', 'index.html')) && !existsSync(join(root, 'apps', 'web', 'dist', 'index.html'))) {
    console.log('building the web application ...');
    await run('npm', ['run', 'build:web']);
  }

  const env = { ...process.env, DATABASE_URL: url, LOG_PRETTY: process.env.LOG_PRETTY ?? '1' };
  const children: ChildProcess[] = [];
  const start = (name: string, entry: string) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], { cwd: root, env: { ...env, MASAR_PROCESS: `masar-${name}` }, stdio: 'inherit' });
    children.push(child);
    child.on('exit', (code, signal) => {
      if (!stopping) {
        console.error(`${name} exited (${signal ?? code}); stopping the demo`);
        void stop(1);
      }
    });
    return child;
  };
  let stopping = false;
  const stop = async (code = 0) => {
    stopping = true;
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
    if (embedded?.started) await embedded.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  const api = start('api', 'apps/api/src/main.ts');
  start('worker', 'apps/worker/src/main.ts');
  const base = `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}`;
  await waitReady(`${base}/health/ready`, api);
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  console.log(`
Masar is running.
  web application   ${base}/
  API               ${base}
  OpenAPI (UI)      ${base}/docs      JSON: ${base}/docs-json
  health            ${base}/health/ready
  queue dashboard   ${base}/admin/queues (admin)

Demo sign-ins (password for all: ${DEMO_PASSWORD})
${DEMO_USERS.map((u) => `  ${u.email.padEnd(width)}  ${u.role}${u.office ? ' @ ' + u.office : ''}`).join('\n')}

${demo.receipts.length ? `Receipts to try the status check with (reference, access code):\n${demo.receipts.map((r) => `  ${r.reference}  ${r.accessCode}`).join('\n')}\n\n` : ''}Press Ctrl+C to stop.`);
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (${code})`))));
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
