/**
 * Bulk intake of a campaign office's CSV (one person and one regularisation file per row). Masar has no bulk
 * import use case yet (the cases context exports no registration or opening use case for another context to
 * call, so libs/intake could not be built on its public API), so the real side is the only import path there is:
 * each row through the API as an office would do it (register the person with duplicate search, open the file,
 * submit it: receipt, notification, clocks, audit), eight rows at a time, time-boxed. The bare side is a COPY of
 * the same rows into a table of the same columns. Target: the import at least 0.3 of the COPY rate.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { argValue, nowIso, QUICK, runMain } from './lib/cli';
import { campaign } from './lib/campaign';
import { compare, type RoundMeasure, type Side } from './lib/compare';
import { closedLoop, postJson } from './lib/loop';
import { cpuMs, peakRssMb, resetPeakRss, startNode } from './lib/proc';
import { saveRecord } from './lib/results';
import { productionEnv, redisAnswers, redisVersion, serverVersion } from './lib/services';

const FILES = argValue('files', QUICK ? 20000 : 100000);
const ROWS = argValue('rows', QUICK ? 20000 : 100000);
const ROUNDS = argValue('rounds', QUICK ? 2 : 3);
const DURATION = argValue('duration', QUICK ? 8 : 20);
const CONCURRENCY = argValue('concurrency', 8);

const GIVEN: [string, string][] = [['Mamadou', 'مامادو'], ['Aminata', 'أميناتا'], ['Ousmane', 'عثمان'], ['Fatou', 'فاتو'], ['Emmanuel', 'إيمانويل'], ['Grace', 'غريس'], ['Mohamed', 'محمد'], ['Khadija', 'خديجة'], ['Jean', 'جان'], ['Marie', 'ماري']];
const FAMILY: [string, string][] = [['Diallo', 'ديالو'], ['Ndiaye', 'انجاي'], ['Traoré', 'تراوري'], ['Okafor', 'أوكافور'], ['Mbala', 'مبالا'], ['Haddad', 'حداد'], ['Camara', 'كامارا'], ['Koné', 'كوني'], ['Sow', 'صو'], ['Bello', 'بيلو']];
const NATS = ['SN', 'CI', 'GN', 'ML', 'CM', 'CD', 'NG', 'SY', 'GM', 'BF'];
const CATS = ['residence_five_years', 'work_contract', 'spouse_of_moroccan', 'spouse_of_foreigner', 'child_of_eligible_parent', 'serious_illness'];

interface Row {
  latinName: string;
  arabicName: string;
  sex: 'female' | 'male';
  year: number;
  month: number;
  day: number;
  nationality: string;
  documentNumber: string;
  phone: string;
  email: string;
  language: string;
  category: string;
}

function rows(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => {
    const g = GIVEN[i % GIVEN.length]!;
    const f = FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]!;
    return {
      latinName: `${g[0]} ${f[0]} ${i}`,
      arabicName: `${g[1]} ${f[1]}`,
      sex: i % 3 === 0 ? 'female' : 'male',
      year: 1965 + (i % 40),
      month: 1 + (i % 12),
      day: 1 + (i % 28),
      nationality: NATS[i % NATS.length]!,
      documentNumber: `P${randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase()}`,
      phone: `+2126${String(10000000 + ((i * 7919) % 89999999)).padStart(8, '0')}`,
      email: `person${i}.${randomUUID().slice(0, 6)}@example.org`,
      language: ['fr', 'ar', 'en', 'es'][i % 4]!,
      category: CATS[i % CATS.length]!,
    };
  });
}

function csvLine(r: Row): string {
  const q = (s: string | number) => `"${String(s).replace(/"/g, '""')}"`;
  return [r.latinName, r.arabicName, r.sex, `${r.year}-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`, r.nationality, 'passport', r.documentNumber, r.phone, r.email, r.language, r.category].map(q).join(',');
}

async function main(): Promise<void> {
  if (!(await redisAnswers())) throw new Error('Redis is needed (the API runs on the Redis queue backend in production)');
  const c = await campaign(`campaign_${FILES}`, FILES);
  const env = productionEnv(c.db.url, { MASAR_OUTBOX_RELAY: 'off', MASAR_SCHEDULES: 'off' });
  const pg = new Client({ connectionString: c.db.url });
  await pg.connect();
  await pg.query(`create table if not exists bench_intake_rows (latin_name text, arabic_name text, sex text, birth_date date, nationality char(2), document_type text, document_number text, phone text, email text, preferred_language text, category text)`);
  const port = 3207;
  const api = await startNode('api', 'apps/api/src/main.ts', { env: { ...env, PORT: String(port) }, ready: /successfully started|listening/i });
  const login = await postJson(`http://127.0.0.1:${port}/auth/login`, { email: 'caseworker1.rab@synthetic.masar.example', password: 'masar-demo-2026' });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const auth = { authorization: `Bearer ${(login.json as { accessToken: string }).accessToken}` };
  let reported = 0;

  const real: Side = {
    name: 'import through the API (per row)',
    async run() {
      const batch = rows(ROWS);
      let next = 0;
      return closedLoop({ concurrency: CONCURRENCY, durationSeconds: DURATION, pids: { api: api.pid } }, async () => {
        const r = batch[next++ % batch.length]!;
        const reg = await postJson(
          `http://127.0.0.1:${port}/applicants`,
          {
            latinName: r.latinName,
            arabicName: r.arabicName,
            sex: r.sex,
            birthDate: { year: r.year, month: r.month, day: r.day },
            nationality: r.nationality,
            documents: [{ type: 'passport', number: r.documentNumber, issuingCountry: r.nationality }],
            phone: r.phone,
            email: r.email,
            preferredLanguage: r.language,
            confirmNew: true,
          },
          auth,
        );
        const applicantId = (reg.json as { applicantId?: string }).applicantId;
        if (reg.status !== 201 || !applicantId) {
          if (reported++ < 3) console.log(`  register answered ${reg.status} ${JSON.stringify(reg.json).slice(0, 200)}`);
          return false;
        }
        const opened = await postJson(`http://127.0.0.1:${port}/applications`, { kind: 'regularisation', applicantId, category: r.category, criteriaVersion: 'MA-2016' }, auth);
        if (opened.status !== 201) return false;
        const { id, version } = opened.json as { id: string; version: number };
        const sub = await postJson(`http://127.0.0.1:${port}/applications/${id}/transitions`, { action: 'submit', expectedVersion: version }, auth);
        return sub.status === 200;
      });
    },
  };
  const bare: Side = {
    name: 'COPY of the same rows',
    async run(): Promise<RoundMeasure> {
      const text = rows(ROWS).map(csvLine).join('\n') + '\n';
      const pid = (await pg.query('select pg_backend_pid() as p')).rows[0].p as number;
      resetPeakRss('self');
      const cpu0 = cpuMs('self');
      const t0 = performance.now();
      const stream = pg.query(copyFrom(`copy bench_intake_rows from stdin with (format csv)`));
      await new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
        stream.end(text);
      });
      const seconds = (performance.now() - t0) / 1000;
      const n = Number((await pg.query(`select count(*) as n from bench_intake_rows`)).rows[0].n);
      await pg.query(`truncate bench_intake_rows`);
      return { ops: n, seconds, p50Ms: (seconds * 1000) / ROWS, p99Ms: (seconds * 1000) / ROWS, errors: ROWS - n, peakRssMb: { bench: peakRssMb('self') }, cpuMsPerOp: { bench: (cpuMs('self') - cpu0) / ROWS }, extra: { backendPid: pid } };
    },
  };
  try {
    const cmp = await compare({
      bench: 'intake',
      title: `Bulk intake of ${ROWS.toLocaleString('en')} CSV rows vs a bare COPY of the same rows`,
      unit: 'rows',
      real,
      bare,
      warmup: 1,
      rounds: ROUNDS,
      targets: [{ name: 'import rate ÷ COPY rate', figure: 'throughputRatio', op: '>=', target: 0.3 }],
    });
    const realRate = cmp.real.throughput.median;
    saveRecord({
      bench: 'intake',
      title: cmp.title,
      date: nowIso(),
      environment: {
        PostgreSQL: await serverVersion(c.db.url),
        Redis: await redisVersion(),
        'campaign files already present': FILES,
        'CSV rows': ROWS,
        'import clients': CONCURRENCY,
        'import time-box per round (s)': DURATION,
        'latency unit': 'real: one row (3 requests); bare: the whole COPY divided by rows',
      },
      comparison: cmp,
      figures: { 'projected time to import the CSV through the API (min)': ROWS / realRate / 60 },
      checks: cmp.checks,
      observations: [
        'No bulk import use case exists: the cases context exports neither RegisterApplicant nor OpenApplication, so a libs/intake context could only be built by deep imports (refused by the boundary lint) or by writing the cases tables itself. The import measured is therefore three API calls per row (register with duplicate search, open, submit), each in its own transaction with its audit link.',
      ],
    });
  } finally {
    await pg.query(`drop table if exists bench_intake_rows`).catch(() => undefined);
    await pg.end();
    await api.stop();
  }
}

runMain(main);
