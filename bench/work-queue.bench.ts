/**
 * The work queue (`GET /work-queue?view=office`, a caseworker of the largest office, sorted by deadline, keyset
 * pages of 25) on campaigns of two sizes, the real API against a bare Fastify + pg handler running the same
 * statement. Requests cycle through the first page and the cursors of the next pages (collected once from the
 * bare server). Targets: at 1,000,000 files at least 0.7 of the bare rate; the page time at 1,000,000 not above
 * 1.5x the page time at 100,000 (flat: the index is read in order and stops after a page, whatever the size).
 */
import { Client } from 'pg';
import { stateCountsSql, workQueueSql } from '@masar/cases';
import { argValue, nowIso, QUICK, runMain } from './lib/cli';
import { campaign } from './lib/campaign';
import { compare, evaluate, type Comparison, type Side } from './lib/compare';
import { getJson, postJson } from './lib/loop';
import { httpRound, type AutocannonRequest } from './lib/http';
import { startNode } from './lib/proc';
import { saveRecord } from './lib/results';
import { productionEnv, redisAnswers, redisVersion, serverVersion } from './lib/services';
import { latencyPercentiles } from './lib/stats';

const SMALL = argValue('small', QUICK ? 20000 : 100000);
const LARGE = argValue('large', QUICK ? 20000 : 1000000);
const ROUNDS = argValue('rounds', QUICK ? 3 : 5);
const DURATION = argValue('duration', QUICK ? 5 : 8);
const CONNECTIONS = argValue('connections', 12);
const PAGES = argValue('pages', 40);
const OFFICE = 'CAS';

interface SizeResult {
  files: number;
  officeFiles: number;
  openOfficeFiles: number;
  comparison: Comparison;
  countsQueryMs: number;
  /** Counting the office's files in `applications` (what the first page did before the counters table). */
  fullCountMs: number;
  pageSqlMs: number;
  plan: string;
  url: string;
}

async function measureSize(files: number, realPort: number, barePort: number): Promise<SizeResult> {
  const c = await campaign(`campaign_${files}`, files);
  const pg = new Client({ connectionString: c.db.url });
  await pg.connect();
  const officeId = (await pg.query(`select id from offices where code = $1`, [OFFICE])).rows[0].id as string;
  const sizes = (await pg.query(`select count(*)::int as all, count(*) filter (where not final)::int as open from applications where office_id = $1`, [officeId])).rows[0];
  const env = productionEnv(c.db.url, { MASAR_OUTBOX_RELAY: 'off', MASAR_SCHEDULES: 'off' });
  const real = await startNode('api', 'apps/api/src/main.ts', { env: { ...env, PORT: String(realPort) }, ready: /successfully started|listening/i });
  const bare = await startNode('work-queue-bare', 'bench/baselines/work-queue-bare.ts', { env: { ...env, PORT: String(barePort), BENCH_OFFICE_ID: officeId }, ready: /listening/ });
  try {
    const login = await postJson(`http://127.0.0.1:${realPort}/auth/login`, { email: `caseworker1.${OFFICE.toLowerCase()}@synthetic.masar.example`, password: 'masar-demo-2026' });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.json)}`);
    const authorization = `Bearer ${(login.json as { accessToken: string }).accessToken}`;
    // The cursors of the first PAGES pages, and a check that both servers answer the same page.
    const cursors: (string | null)[] = [null];
    for (let p = 0; p < PAGES - 1; p++) {
      const cur = cursors[cursors.length - 1];
      const res = await getJson(`http://127.0.0.1:${barePort}/work-queue?limit=25${cur ? `&cursor=${cur}` : ''}`);
      const next = (res.json as { nextCursor: string | null }).nextCursor;
      if (!next) break;
      cursors.push(next);
    }
    const probe = cursors[Math.min(5, cursors.length - 1)];
    const [a, b] = await Promise.all([
      getJson(`http://127.0.0.1:${realPort}/work-queue?view=office&counts=false&limit=25${probe ? `&cursor=${probe}` : ''}`, { authorization }),
      getJson(`http://127.0.0.1:${barePort}/work-queue?limit=25${probe ? `&cursor=${probe}` : ''}`),
    ]);
    const ids = (r: { json: unknown }) => ((r.json as { items?: { id: string }[] }).items ?? []).map((x) => x.id).join(',');
    if (a.status !== 200 || ids(a) !== ids(b)) throw new Error(`the real and bare pages differ (real ${a.status}): the baseline is not doing the same work`);

    let i = 0;
    const reqs = (path: string, headers: Record<string, string>): AutocannonRequest[] => [
      {
        method: 'GET',
        headers,
        setupRequest: (req) => {
          const cur = cursors[i++ % cursors.length];
          return { ...req, path: `${path}${cur ? `&cursor=${cur}` : ''}` };
        },
      },
    ];
    const side = (name: string, port: number, pid: number, path: string, headers: Record<string, string>): Side => ({
      name,
      run: () => httpRound({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, durationSeconds: DURATION, requests: reqs(path, headers), expectStatus: [200] }, { [name]: pid }),
    });
    const comparison = await compare({
      bench: 'work-queue',
      title: `Work-queue page at ${files.toLocaleString('en')} files`,
      unit: 'pages',
      real: side('api', realPort, real.pid, '/work-queue?view=office&counts=false&limit=25', { authorization }),
      bare: side('bare', barePort, bare.pid, '/work-queue?limit=25', {}),
      warmup: 1,
      rounds: ROUNDS,
      targets: [],
    });
    // The statement alone, and the per-state counts a first page asks for by default.
    const timeIt = async (sql: string, params: unknown[]) => {
      const ms: number[] = [];
      for (let k = 0; k < 7; k++) {
        const t = performance.now();
        await pg.query(sql, params);
        ms.push(performance.now() - t);
      }
      return latencyPercentiles(ms).p50;
    };
    const page = workQueueSql(
      { userId: '00000000-0000-0000-0000-000000000000', role: 'caseworker', officeId, regionCode: null, nationalCommission: false },
      { kind: 'offices', officeIds: [officeId] },
      { view: 'office' },
      25,
      new Date(),
    )!;
    const pageSqlMs = await timeIt(page.sql, page.params);
    const counts = stateCountsSql({ kind: 'offices', officeIds: [officeId] })!;
    const countsQueryMs = await timeIt(counts.sql, counts.params);
    const fullCountMs = await timeIt(`select a.state, count(*) as n from applications a where a.office_id = $1 group by a.state order by a.state`, [officeId]);
    const plan = (await pg.query(`explain (analyze, buffers, costs off, timing off) ${page.sql}`, page.params)).rows.map((r) => r['QUERY PLAN']).join(' | ');
    return { files, officeFiles: sizes.all, openOfficeFiles: sizes.open, comparison, countsQueryMs, fullCountMs, pageSqlMs, plan, url: c.db.url };
  } finally {
    await pg.end();
    await real.stop();
    await bare.stop();
  }
}

async function main(): Promise<void> {
  if (!(await redisAnswers())) throw new Error('Redis is needed (the API runs on the Redis queue backend in production)');
  const small = await measureSize(SMALL, 3205, 3206);
  const large = LARGE === SMALL ? small : await measureSize(LARGE, 3205, 3206);
  const figures: Record<string, number> = {
    throughputRatio: large.comparison.throughputRatio.median,
    p99Ratio: large.comparison.p99Ratio.median,
    pageP50GrowthReal: large.comparison.real.p50Ms.median / small.comparison.real.p50Ms.median,
    pageSqlGrowth: large.pageSqlMs / small.pageSqlMs,
    countsGrowth: large.countsQueryMs / small.countsQueryMs,
  };
  const checks = evaluate(
    [
      { name: `throughput ratio at ${LARGE.toLocaleString('en')} files`, figure: 'throughputRatio', op: '>=', target: 0.7 },
      { name: `API page p50 at ${LARGE.toLocaleString('en')} ÷ at ${SMALL.toLocaleString('en')}`, figure: 'pageP50GrowthReal', op: '<=', target: 1.5 },
      { name: `page statement time at ${LARGE.toLocaleString('en')} ÷ at ${SMALL.toLocaleString('en')}`, figure: 'pageSqlGrowth', op: '<=', target: 1.5 },
      { name: `first page's per-state counts at ${LARGE.toLocaleString('en')} ÷ at ${SMALL.toLocaleString('en')}`, figure: 'countsGrowth', op: '<=', target: 1.5 },
    ],
    figures,
  );
  for (const ch of checks) console.log(`target ${ch.name}: ${ch.value.toFixed(3)} ${ch.op} ${ch.target}: ${ch.met ? 'MET' : 'MISSED'}`);
  const version = await serverVersion(large.url);
  const describe = (s: SizeResult) =>
    `${s.files.toLocaleString('en')} files (office ${OFFICE}: ${s.officeFiles.toLocaleString('en')}, open ${s.openOfficeFiles.toLocaleString('en')}): API ${s.comparison.real.throughput.median.toFixed(0)} pages/s p50 ${s.comparison.real.p50Ms.median.toFixed(1)} ms p99 ${s.comparison.real.p99Ms.median.toFixed(1)} ms; bare ${s.comparison.bare.throughput.median.toFixed(0)} pages/s p50 ${s.comparison.bare.p50Ms.median.toFixed(1)} ms; ratio ${s.comparison.throughputRatio.median.toFixed(3)} (min ${s.comparison.throughputRatio.min.toFixed(3)}, max ${s.comparison.throughputRatio.max.toFixed(3)}); statement alone ${s.pageSqlMs.toFixed(2)} ms; per-state counts of the office ${s.countsQueryMs.toFixed(2)} ms from the counters (counting its files: ${s.fullCountMs.toFixed(1)} ms)`;
  saveRecord({
    bench: 'work-queue',
    title: 'Work-queue page (office view, by deadline, keyset) vs bare SQL handler',
    date: nowIso(),
    environment: { PostgreSQL: version, Redis: await redisVersion(), sizes: `${SMALL} and ${LARGE} files`, office: OFFICE, connections: CONNECTIONS, 'seconds per round': DURATION, 'pages cycled': PAGES },
    comparison: large.comparison,
    figures: { ...figures, [`at ${SMALL}`]: describe(small), [`at ${LARGE}`]: describe(large), [`plan at ${LARGE}`]: large.plan },
    checks,
    observations: [
      `The first page also asks for per-state counts (unless counts=false): read from application_state_counts (kept by triggers), ${small.countsQueryMs.toFixed(2)} ms at ${SMALL.toLocaleString('en')} files and ${large.countsQueryMs.toFixed(2)} ms at ${LARGE.toLocaleString('en')}; counting the office's files instead would take ${small.fullCountMs.toFixed(1)} and ${large.fullCountMs.toFixed(1)} ms.`,
    ],
  });
}

runMain(main);
