import { fmt, fmtSpread, spread, type Spread } from './stats';
import { loadAverage } from './proc';

/** What one side did in one round. */
export interface RoundMeasure {
  /** Operations completed (requests answered as expected, jobs done, rows imported...). */
  ops: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  /** Operations that failed or answered unexpectedly. */
  errors: number;
  /** Peak RSS in MB of each process involved, measured over this round. */
  peakRssMb: Record<string, number>;
  /** CPU milliseconds each process used per operation this round (user + system, from /proc). */
  cpuMsPerOp?: Record<string, number>;
  extra?: Record<string, number | string>;
}

export interface Side {
  name: string;
  run(round: number, warmup: boolean): Promise<RoundMeasure>;
}

export interface Target {
  name: string;
  op: '>=' | '<=';
  target: number;
  /** Which figure of the comparison it applies to. */
  figure: 'throughputRatio' | 'p99Ratio' | string;
}

export interface SideSummary {
  name: string;
  throughput: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  errors: number;
  peakRssMb: Record<string, number>;
  cpuMsPerOp: Record<string, number>;
}

export interface Comparison {
  bench: string;
  title: string;
  unit: string;
  rounds: { round: number; order: string; real: RoundMeasure; bare: RoundMeasure; ratio: number; p99Ratio: number }[];
  real: SideSummary;
  bare: SideSummary;
  throughputRatio: Spread;
  p99Ratio: Spread;
  figures: Record<string, number>;
  checks: { name: string; value: number; op: string; target: number; met: boolean }[];
  loadBefore: string;
  loadAfter: string;
}

function summarise(name: string, ms: RoundMeasure[]): SideSummary {
  const peak: Record<string, number> = {};
  for (const m of ms) for (const [k, v] of Object.entries(m.peakRssMb)) if (Number.isFinite(v)) peak[k] = Math.max(peak[k] ?? 0, v);
  const cpu: Record<string, number> = {};
  for (const k of new Set(ms.flatMap((m) => Object.keys(m.cpuMsPerOp ?? {})))) {
    cpu[k] = spread(ms.map((m) => m.cpuMsPerOp?.[k] ?? NaN).filter(Number.isFinite)).median;
  }
  return {
    name,
    cpuMsPerOp: cpu,
    throughput: spread(ms.map((m) => m.ops / m.seconds)),
    p50Ms: spread(ms.map((m) => m.p50Ms)),
    p99Ms: spread(ms.map((m) => m.p99Ms)),
    errors: ms.reduce((a, m) => a + m.errors, 0),
    peakRssMb: peak,
  };
}

function line(side: string, m: RoundMeasure, unit: string): string {
  const rss = Object.entries(m.peakRssMb)
    .map(([k, v]) => `${k} ${fmt(v, 0)} MB`)
    .join(', ');
  const cpu = Object.entries(m.cpuMsPerOp ?? {})
    .map(([k, v]) => `${k} ${fmt(v, 3)}`)
    .join(', ');
  return `${side.padEnd(6)} ${fmt(m.ops / m.seconds, 1).padStart(8)} ${unit}/s  p50 ${fmt(m.p50Ms)} ms  p99 ${fmt(m.p99Ms)} ms  ops ${m.ops}  errors ${m.errors}  peak RSS: ${rss}${cpu ? `  CPU ms/op: ${cpu}` : ''}`;
}

/**
 * Runs the real system and its bare baseline alternately: `warmup` rounds of each (discarded), then `rounds`
 * rounds, switching which side goes first every round so that drift of a noisy machine falls on both. The ratio
 * of each round is real/bare throughput; the result is the median ratio with its spread.
 */
export async function compare(opts: {
  bench: string;
  title: string;
  unit: string;
  real: Side;
  bare: Side;
  warmup: number;
  rounds: number;
  targets: Target[];
  /** Extra figures (e.g. page time at two sizes) to check against targets. */
  figures?: Record<string, number>;
}): Promise<Comparison> {
  const loadBefore = loadAverage();
  console.log(`\n## ${opts.title}\n(load average before: ${loadBefore}; ${opts.warmup} warm-up round(s), ${opts.rounds} measured rounds, alternating order)`);
  for (let w = 0; w < opts.warmup; w++) {
    const a = await opts.real.run(-1 - w, true);
    const b = await opts.bare.run(-1 - w, true);
    console.log(`warm-up ${w + 1}: real ${fmt(a.ops / a.seconds, 1)} ${opts.unit}/s, bare ${fmt(b.ops / b.seconds, 1)} ${opts.unit}/s`);
  }
  const rounds: Comparison['rounds'] = [];
  for (let r = 0; r < opts.rounds; r++) {
    const realFirst = r % 2 === 0;
    let real: RoundMeasure;
    let bare: RoundMeasure;
    if (realFirst) {
      real = await opts.real.run(r, false);
      bare = await opts.bare.run(r, false);
    } else {
      bare = await opts.bare.run(r, false);
      real = await opts.real.run(r, false);
    }
    const ratio = real.ops / real.seconds / (bare.ops / bare.seconds);
    const p99Ratio = real.p99Ms / bare.p99Ms;
    rounds.push({ round: r + 1, order: realFirst ? 'real,bare' : 'bare,real', real, bare, ratio, p99Ratio });
    console.log(`round ${r + 1} (${realFirst ? 'real first' : 'bare first'}): ratio ${fmt(ratio, 3)}, p99 ratio ${fmt(p99Ratio, 2)}`);
    console.log(`  ${line('real', real, opts.unit)}`);
    console.log(`  ${line('bare', bare, opts.unit)}`);
  }
  const c: Comparison = {
    bench: opts.bench,
    title: opts.title,
    unit: opts.unit,
    rounds,
    real: summarise(opts.real.name, rounds.map((r) => r.real)),
    bare: summarise(opts.bare.name, rounds.map((r) => r.bare)),
    throughputRatio: spread(rounds.map((r) => r.ratio)),
    p99Ratio: spread(rounds.map((r) => r.p99Ratio)),
    figures: { ...(opts.figures ?? {}) },
    checks: [],
    loadBefore,
    loadAfter: loadAverage(),
  };
  c.figures.throughputRatio = c.throughputRatio.median;
  c.figures.p99Ratio = c.p99Ratio.median;
  c.checks = evaluate(opts.targets, c.figures);
  printSummary(c);
  return c;
}

export function evaluate(targets: Target[], figures: Record<string, number>): Comparison['checks'] {
  return targets.map((t) => {
    const value = figures[t.figure] ?? NaN;
    const met = t.op === '>=' ? value >= t.target : value <= t.target;
    return { name: t.name, value, op: t.op, target: t.target, met: Number.isFinite(value) && met };
  });
}

export function printSummary(c: Comparison): void {
  console.log(`\n${c.title}: overall over ${c.rounds.length} rounds`);
  console.log(`  throughput ratio real/bare: ${fmtSpread(c.throughputRatio, 3)}`);
  console.log(`  p99 ratio real/bare:        ${fmtSpread(c.p99Ratio, 2)}`);
  for (const s of [c.real, c.bare]) {
    const rss = Object.entries(s.peakRssMb).map(([k, v]) => `${k} ${fmt(v, 0)} MB`).join(', ');
    const cpu = Object.entries(s.cpuMsPerOp).map(([k, v]) => `${k} ${fmt(v, 3)}`).join(', ');
    console.log(`  ${s.name}: ${fmt(s.throughput.median, 1)} ${c.unit}/s (min ${fmt(s.throughput.min, 1)}, max ${fmt(s.throughput.max, 1)}), p50 ${fmt(s.p50Ms.median)} ms, p99 ${fmt(s.p99Ms.median)} ms, errors ${s.errors}, peak RSS ${rss}${cpu ? `, CPU ms/op ${cpu}` : ''}`);
  }
  for (const ch of c.checks) console.log(`  target ${ch.name}: ${fmt(ch.value, 3)} ${ch.op} ${ch.target}: ${ch.met ? 'MET' : 'MISSED'}`);
  console.log(`  load average after: ${c.loadAfter}`);
}
