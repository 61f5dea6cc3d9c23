/** Order statistics for benchmark samples. Quantiles by linear interpolation between closest ranks. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  if (sorted.length === 1) return sorted[0]!;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function sortedCopy(xs: number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  q1: number;
  q3: number;
  n: number;
}

export function spread(xs: number[]): Spread {
  const s = sortedCopy(xs);
  return { median: quantile(s, 0.5), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, q1: quantile(s, 0.25), q3: quantile(s, 0.75), n: s.length };
}

/** Latency percentiles of a list of per-operation durations (milliseconds). */
export function latencyPercentiles(ms: number[]): { p50: number; p99: number; max: number; n: number } {
  const s = sortedCopy(ms);
  return { p50: quantile(s, 0.5), p99: quantile(s, 0.99), max: s[s.length - 1] ?? NaN, n: s.length };
}

export function fmt(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1000) return n.toFixed(0);
  if (n !== 0 && Math.abs(n) < 0.01) return n.toPrecision(2);
  return n.toFixed(digits);
}

export function fmtSpread(s: Spread, digits = 2): string {
  return `${fmt(s.median, digits)} (min ${fmt(s.min, digits)}, max ${fmt(s.max, digits)}, IQR ${fmt(s.q1, digits)}–${fmt(s.q3, digits)}, n=${s.n})`;
}
