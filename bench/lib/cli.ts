/** Small command-line helpers shared by the benchmark scripts. */
export function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1] !== undefined) {
    const n = Number(process.argv[i + 1]);
    if (Number.isFinite(n)) return n;
  }
  const env = process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
  return env !== undefined && env !== '' && Number.isFinite(Number(env)) ? Number(env) : fallback;
}

export function hasFlag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

/** `--quick` shrinks every benchmark to a smoke run (what to use while developing on a shared machine). */
export const QUICK = hasFlag('quick') || process.env.BENCH_QUICK === '1';

export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err instanceof Error ? err.stack ?? err.message : err);
      process.exit(1);
    },
  );
}

export function nowIso(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}
