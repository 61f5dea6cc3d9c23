export interface ScenarioResult {
  name: string;
  status: 'pass' | 'fail' | 'na';
  counts: Record<string, number | string | boolean>;
  note?: string;
}

export function line(r: ScenarioResult): string {
  const counts = Object.entries(r.counts)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  if (r.status === 'na') return `FAIL (not available: ${r.note}) ${r.name}`;
  return `${r.status === 'pass' ? 'PASS' : 'FAIL'} ${r.name}: ${counts}${r.note ? ` (${r.note})` : ''}`;
}
