import { DomainError } from '@masar/errors';

/** Why a batch's import stopped for good: the stable codes a batch in status `failed` carries. */
export const ImportFailureCode = {
  /** The cases context refused a chunk (a category or criteria version no longer valid, an office closed...). */
  Refused: 'INTAKE_IMPORT_REFUSED',
  /** PostgreSQL refused the rows of a chunk (a constraint or a value): retrying the same rows cannot help. */
  DataRejected: 'INTAKE_IMPORT_DATA_REJECTED',
  /** The database or the queue stayed unreachable through every retry. */
  Unavailable: 'INTAKE_IMPORT_UNAVAILABLE',
  /** The workers running the batch were lost (killed, out of memory) more often than the queue allows. */
  WorkerLost: 'INTAKE_IMPORT_WORKER_LOST',
  /** Anything else, after its retries. The worker's log has the error under the batch id. */
  Unexpected: 'INTAKE_IMPORT_ERROR',
} as const;
export type ImportFailureCode = (typeof ImportFailureCode)[keyof typeof ImportFailureCode];

export interface ImportFailure {
  /** Retried by the queue (with its backoff) before the batch is failed. */
  transient: boolean;
  code: ImportFailureCode;
  /** For the office's staff: what happened, never a value of a row (no name, no number). */
  detail: string;
}

/** SQLSTATEs of a lost or overloaded server, a shutdown, a lock or serialization conflict, a timeout. */
const TRANSIENT_SQLSTATE = /^(08...|53...|57P0[1-3]|40001|40P01|55P03|57014)$/;
const TRANSIENT_NODE_CODE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** What node-postgres, its pool and ioredis say when the connection goes (they set no code). */
const TRANSIENT_MESSAGE = /connection terminated|connection (is )?closed|connection timeout|timeout exceeded when trying to connect|client has encountered a connection error|stream isn't writeable|max retries per request/i;

function sqlState(err: unknown): string | null {
  const e = err as { code?: unknown; driverError?: { code?: unknown } };
  const code = typeof e.driverError?.code === 'string' ? e.driverError.code : e.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

/**
 * Sorts an error of the import job: a lost connection (PostgreSQL or Redis), a lock or serialization conflict or
 * a timeout is transient and retried; a refusal of the cases context or of PostgreSQL (a constraint, a value) comes
 * back the same on every try and fails the batch at once. An error of unknown kind is retried like a transient
 * one (it may be), and fails the batch once the retries are spent.
 */
export function classifyImportFailure(err: unknown): ImportFailure {
  if (err instanceof DomainError) return { transient: false, code: ImportFailureCode.Refused, detail: `${err.code}: ${err.detail ?? err.title}` };
  const state = sqlState(err);
  if (state && TRANSIENT_SQLSTATE.test(state)) return { transient: true, code: ImportFailureCode.Unavailable, detail: `The database did not answer (PostgreSQL ${state}).` };
  if (state) {
    const constraint = (err as { constraint?: unknown; driverError?: { constraint?: unknown } }).driverError?.constraint ?? (err as { constraint?: unknown }).constraint;
    return { transient: false, code: ImportFailureCode.DataRejected, detail: `The database refused the rows (PostgreSQL ${state}${typeof constraint === 'string' ? `, ${constraint}` : ''}).` };
  }
  const nodeCode = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  if ((typeof nodeCode === 'string' && TRANSIENT_NODE_CODE.has(nodeCode)) || TRANSIENT_MESSAGE.test(message)) {
    return { transient: true, code: ImportFailureCode.Unavailable, detail: `The database or the queue could not be reached (${typeof nodeCode === 'string' ? nodeCode : 'connection lost'}).` };
  }
  const name = err instanceof Error ? err.name : typeof err;
  return { transient: true, code: ImportFailureCode.Unexpected, detail: `The import stopped on an unexpected error (${name}).` };
}

/** The failure recorded once a transient error outlived the job's retries. */
export function retriesSpent(f: ImportFailure, attempts: number): ImportFailure {
  return { ...f, transient: false, detail: `${f.detail} Tried ${attempts} times.` };
}

/** The codes of a staged row the import refused alone (after the bisection of its chunk). */
export const RowRefusalCode = {
  /** The cases context refused the row (a `DomainError`: its category withdrawn from the criteria...). */
  Refused: 'IMPORT_REFUSED',
  /** PostgreSQL refused the row's values (a data exception or a constraint, SQLSTATE class 22 or 23). */
  DataRejected: 'IMPORT_DATA_REJECTED',
} as const;
export type RowRefusalCode = (typeof RowRefusalCode)[keyof typeof RowRefusalCode];

/**
 * Whether an error of a chunk can come from one of its rows, so that importing the rows apart finds it: a refusal
 * of the cases context, or PostgreSQL's over a value (class 22) or a constraint (class 23). Any other error (a table
 * missing, a lost connection, a timeout) is the batch's, whatever its rows. The reason given never holds a value of
 * the row: codes, the constraint's name.
 */
export function rowRefusal(err: unknown): { code: RowRefusalCode; reason: string } | null {
  if (err instanceof DomainError) return { code: RowRefusalCode.Refused, reason: `${err.code}: ${err.title}` };
  const state = sqlState(err);
  if (!state || !/^2[23]/.test(state)) return null;
  const constraint = (err as { constraint?: unknown; driverError?: { constraint?: unknown } }).driverError?.constraint ?? (err as { constraint?: unknown }).constraint;
  return { code: RowRefusalCode.DataRejected, reason: `PostgreSQL ${state}${typeof constraint === 'string' ? `, ${constraint}` : ''}` };
}
