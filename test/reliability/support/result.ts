import type { QueueBackendKind } from '@masar/queue';

export interface ScenarioResult {
  name: string;
  status: 'pass' | 'fail' | 'na';
  counts: Record<string, number | string | boolean>;
  note?: string;
  /** The queue backend the scenario ran on (set by run.ts), printed on its line. */
  backend?: QueueBackendKind;
  /** With status 'na': what is missing (a program, a server), printed as `FAIL (<missing> not available: <note>)`. */
  missing?: string;
}

export function line(r: ScenarioResult): string {
  const counts = Object.entries(r.counts)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const name = r.backend ? `[${r.backend}] ${r.name}` : r.name;
  if (r.status === 'na') return `FAIL (${r.missing ? `${r.missing} ` : ''}not available: ${r.note}) ${name}`;
  return `${r.status === 'pass' ? 'PASS' : 'FAIL'} ${name}: ${counts}${r.note ? ` (${r.note})` : ''}`;
}
