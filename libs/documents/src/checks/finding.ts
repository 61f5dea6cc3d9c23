/** The checks a worker runs on every uploaded document. */
export const CHECKS = ['hash', 'content', 'malware', 'dates', 'duplicate'] as const;
export type CheckName = (typeof CHECKS)[number];

/**
 * What one check found. `rejected` means the document cannot serve (the applicant must send another); `flagged`
 * means a person must look (a caseworker may still accept an expired passport as proof of who someone is, and a
 * duplicate may be an honest family sharing a lease); `skipped` is never a pass (no scanner configured).
 */
export type Finding =
  | { check: CheckName; outcome: 'passed' }
  | { check: CheckName; outcome: 'skipped'; reason: string }
  | { check: CheckName; outcome: 'rejected' | 'flagged'; reason: string; detail: string };

export const passed = (check: CheckName): Finding => ({ check, outcome: 'passed' });
export const rejected = (check: CheckName, reason: string, detail: string): Finding => ({ check, outcome: 'rejected', reason, detail });
export const flagged = (check: CheckName, reason: string, detail: string): Finding => ({ check, outcome: 'flagged', reason, detail });
export const skipped = (check: CheckName, reason: string): Finding => ({ check, outcome: 'skipped', reason });

/** The document's status once every check ran: any rejection wins, then any flag (human review), else verified. */
export function verdictOf(findings: Finding[]): 'verified' | 'rejected' | 'in_review' {
  if (findings.some((f) => f.outcome === 'rejected')) return 'rejected';
  if (findings.some((f) => f.outcome === 'flagged')) return 'in_review';
  return 'verified';
}
