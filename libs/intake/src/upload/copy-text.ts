/** One field of PostgreSQL's COPY text format: \N for null, the four characters COPY reads specially escaped. */
export function copyField(v: string | number | null): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v;
}

export function copyLine(values: (string | number | null)[]): string {
  return values.map(copyField).join('\t') + '\n';
}
