import type { CaseKind } from '@masar/cases';

export interface SupervisionOptions {
  /** Share of each officer's decisions of a week drawn for a second look (0 < share <= 1). */
  samplingShare: number;
  /** Years after a file's closure before its personal data are erased, per kind. */
  retentionYears: Record<CaseKind, number>;
  /** Files erased per transaction by the retention sweep. */
  retentionBatch: number;
}

export const SUPERVISION_OPTIONS = Symbol('SUPERVISION_OPTIONS');

/**
 * Defaults: 10% of decisions; regularisation and renewal files kept 5 years after closure (a card's validity and
 * its renewal, and the time for a late appeal or a fraud inquiry), asylum files 10 years (protection may be
 * reviewed, ceased or revoked long after the decision).
 */
export const DEFAULT_SUPERVISION_OPTIONS: SupervisionOptions = {
  samplingShare: 0.1,
  retentionYears: { regularisation: 5, asylum: 10, renewal: 5 },
  retentionBatch: 200,
};

/**
 * Reads the overrides from the environment (QUALITY_SAMPLING_SHARE, RETENTION_YEARS_REGULARISATION,
 * RETENTION_YEARS_ASYLUM, RETENTION_YEARS_RENEWAL), refusing at boot a value that makes no sense rather than
 * sampling nothing or erasing too early.
 */
export function supervisionOptionsFrom(env: NodeJS.ProcessEnv): SupervisionOptions {
  const problems: string[] = [];
  const share = env.QUALITY_SAMPLING_SHARE === undefined || env.QUALITY_SAMPLING_SHARE === '' ? DEFAULT_SUPERVISION_OPTIONS.samplingShare : Number(env.QUALITY_SAMPLING_SHARE);
  if (!(share > 0 && share <= 1)) problems.push('QUALITY_SAMPLING_SHARE must be a number above 0 and at most 1 (0.1 for 10%)');
  const years = { ...DEFAULT_SUPERVISION_OPTIONS.retentionYears };
  for (const kind of Object.keys(years) as CaseKind[]) {
    const raw = env[`RETENTION_YEARS_${kind.toUpperCase()}`];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 100) problems.push(`RETENTION_YEARS_${kind.toUpperCase()} must be a whole number of years from 1 to 100`);
    else years[kind] = n;
  }
  if (problems.length) throw new Error(`Supervision configuration:\n- ${problems.join('\n- ')}`);
  return { ...DEFAULT_SUPERVISION_OPTIONS, samplingShare: share, retentionYears: years };
}
