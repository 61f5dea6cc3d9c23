/** Limits of the intake context, from the environment (validated when the module starts). */
export interface IntakeOptions {
  /** The largest CSV accepted (INTAKE_MAX_FILE_BYTES, default 64 MiB: about 400,000 rows). */
  maxFileBytes: number;
  /** Rows registered per transaction by the import job (INTAKE_CHUNK_ROWS, default 2,000). */
  chunkRows: number;
  /** A batch `importing` with no progress for this long and no live job is swept (INTAKE_STALLED_AFTER_MS, default 15 min). */
  stalledAfterMs: number;
}

export const INTAKE_OPTIONS = Symbol('INTAKE_OPTIONS');

function positiveInt(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return n;
}

export function intakeOptionsFrom(env: NodeJS.ProcessEnv = process.env): IntakeOptions {
  return { maxFileBytes: positiveInt('INTAKE_MAX_FILE_BYTES', 64 * 1024 * 1024, env), chunkRows: positiveInt('INTAKE_CHUNK_ROWS', 2000, env), stalledAfterMs: positiveInt('INTAKE_STALLED_AFTER_MS', 15 * 60_000, env) };
}
