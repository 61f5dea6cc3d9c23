import { ApiProblem, type ProblemBody } from '../../api/problem';
import { session } from '../../auth/session';
import type { components } from '../../api/schema';

export type IntakeBatch = components['schemas']['IntakeBatchDto'];
export type UploadedBatch = components['schemas']['UploadedBatchDto'];
export type ReviewItem = components['schemas']['ReviewItemDto'];
export type ReviewDecisionResult = components['schemas']['ReviewDecisionResultDto'];

/** The columns of a campaign list, as the API's documentation lists them (libs/intake/src/csv/campaign-columns.ts). */
export const CAMPAIGN_COLUMNS = [
  'latin_name',
  'arabic_name',
  'sex',
  'birth_date',
  'nationality',
  'document_type',
  'document_number',
  'issuing_country',
  'phone',
  'email',
  'preferred_language',
  'category',
] as const;

export interface RowProblem {
  line: number;
  column: string;
  code: string;
}

/** Splits one CSV line, with RFC 4180 quotes ("a,b" and "" inside quotes). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The errors file of a batch (`line,column,code`, header first) as rows; columns found by their header. */
export function parseRowProblems(csv: string): RowProblem[] {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  const head = fields(lines[0]!).map((h) => h.trim().toLowerCase());
  const at = { line: head.indexOf('line'), column: head.indexOf('column'), code: head.indexOf('code') };
  if (at.line < 0 || at.code < 0) return [];
  return lines.slice(1).map((l) => {
    const f = fields(l);
    return { line: Number(f[at.line]), column: at.column < 0 ? '' : (f[at.column] ?? ''), code: f[at.code] ?? '' };
  });
}

/** 0..1 as a whole percentage, never 100 before the batch is completed (a rounding must not announce the end). */
export function importPercent(batch: Pick<IntakeBatch, 'progress' | 'status'>): number {
  if (batch.status === 'completed') return 100;
  return Math.min(99, Math.floor(batch.progress * 100));
}

/**
 * Sends the CSV as multipart with the bearer token, reporting the bytes sent (fetch cannot tell upload progress;
 * a campaign list can be tens of megabytes on an office's line). Resolves with the batch; a refusal is an ApiProblem.
 */
export async function uploadCampaignList(file: File, criteriaVersion: string | null, language: string, onProgress: (sent: number) => void): Promise<UploadedBatch> {
  const token = await session.accessToken();
  const form = new FormData();
  form.append('file', file, file.name);
  const url = `/intake/batches${criteriaVersion ? `?criteriaVersion=${encodeURIComponent(criteriaVersion)}` : ''}`;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('accept-language', language);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiProblem(0, { title: 'Network error' }));
    xhr.onload = () => {
      let body: unknown = {};
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : {};
      } catch {
        body = { title: xhr.statusText };
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadedBatch);
      else reject(new ApiProblem(xhr.status, body as ProblemBody, xhr.getResponseHeader('retry-after')));
    };
    xhr.send(form);
  });
}

export type ReviewChoice = 'register_new' | 'attach' | 'discard';
export const REVIEW_CHOICES: readonly ReviewChoice[] = ['register_new', 'attach', 'discard'];
/** As the API asks (libs/intake/src/review/decide-review-row.use-case.ts): a sentence, not a key pressed. */
export const MIN_REVIEW_REASON = 5;

/** The badge colour of a batch's status. */
export function statusColor(status: IntakeBatch['status']): string {
  return status === 'completed' ? 'green' : status === 'failed' ? 'red' : 'blue';
}

/** Files the batch made: imported, and made since by a decision on a row set aside (their codes come with the receipts). */
export function filesCreated(batch: Pick<IntakeBatch, 'counts'>): number {
  return batch.counts.imported + batch.counts.reviewRegistered + batch.counts.reviewAttached;
}

/** The persons a set-aside row's file may be attached to: those it looks like, then those its earlier lines became. */
export function attachCandidates(item: Pick<ReviewItem, 'candidateApplicantIds' | 'earlierLineApplicantIds'>): string[] {
  return [...new Set([...item.candidateApplicantIds, ...item.earlierLineApplicantIds])];
}

/** Whether a decision can be sent: a reason to register anyway or to discard, a person to attach to. */
export function decisionReady(choice: ReviewChoice | null, reason: string, applicantId: string | null): boolean {
  if (choice === 'attach') return !!applicantId;
  if (choice === 'register_new' || choice === 'discard') return reason.trim().length >= MIN_REVIEW_REASON;
  return false;
}
