/** A TypeORM DataSource or EntityManager (rows) or a pg Client or Pool ({ rows }). */
export interface AuditQueryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/*
 * Beware: queries select `seq::text as seq`, so ORDER BY must name the table's column (e.seq), or PostgreSQL
 * sorts by the text alias ('10' before '9').
 */

/**
 * Timestamps as text to the microsecond: a Date would hide a change below the millisecond. The trail writes
 * milliseconds, so a sub-millisecond part can only come from tampering and makes the hash differ.
 */
export const isoUs = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

export function isoFromUs(text: string): string {
  return text.endsWith('000') ? `${text.slice(0, -3)}Z` : `${text}Z`;
}

export async function rows<T>(db: AuditQueryable, sql: string, params: unknown[]): Promise<T[]> {
  const result = await db.query(sql, params);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

