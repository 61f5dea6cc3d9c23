import { Injectable } from '@nestjs/common';
import type { Actor, CaseScope } from '@masar/access';
import { PooledQueries } from '@masar/database';
import { CaseAccess } from '../access/case-access';
import { CasesErrors } from '../cases.errors';
import { stateOf, type CaseKind } from '../domain/workflow/workflow-definition';
import { APPEAL_BODY_STATES, workflowFor } from '../domain/workflow/workflows';

export const WORK_QUEUE_VIEWS = ['mine', 'office', 'unassigned', 'overdue', 'due_this_week', 'awaiting_my_confirmation'] as const;
export type WorkQueueView = (typeof WORK_QUEUE_VIEWS)[number];

export interface WorkQueueRequest {
  view: WorkQueueView;
  kind?: CaseKind;
  category?: string;
  state?: string;
  nationality?: string;
  assigneeId?: string;
  /** Files carrying an open flag of this kind (indicators of trafficking first of all). */
  flag?: string;
  cursor?: string;
  limit?: number;
  /** Counts per state for the scope (one extra query on the counters table); the first page asks for them. */
  withCounts?: boolean;
}

export interface WorkQueueItem {
  id: string;
  reference: string;
  kind: CaseKind;
  category: string | null;
  state: string;
  stage: string;
  nationality: string | null;
  officeId: string;
  assigneeId: string | null;
  dueAt: string | null;
  overdue: boolean;
  version: number;
}

export interface WorkQueuePage {
  items: WorkQueueItem[];
  nextCursor: string | null;
  counts?: Record<string, number>;
}

const DAY_MS = 86_400_000;

const STAGES = new Map<string, string>();

/** The stage a state belongs to, looked up once per kind and state. */
function stageOf(kind: CaseKind, state: string): string {
  const key = `${kind}:${state}`;
  let stage = STAGES.get(key);
  if (stage === undefined) STAGES.set(key, (stage = stateOf(workflowFor(kind), state)?.stage ?? 'under_review'));
  return stage;
}

interface Cursor {
  d: string;
  i: string;
}

function encodeCursor(dueAt: Date | number, id: string): string {
  const d = typeof dueAt === 'number' || !Number.isFinite(new Date(dueAt).getTime()) ? 'infinity' : new Date(dueAt).toISOString();
  return Buffer.from(JSON.stringify({ d, i: id } satisfies Cursor)).toString('base64url');
}

function decodeCursor(c: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as Cursor;
    if ((v.d !== 'infinity' && Number.isNaN(Date.parse(v.d))) || !/^[0-9a-f-]{36}$/i.test(v.i)) throw new Error('bad');
    return v;
  } catch {
    throw CasesErrors.invalidCursor();
  }
}

/**
 * The caseworker's queues, sorted by deadline, paged by keyset on (due_at, id): a page costs the same on the first
 * and the thousandth page, at 10,000 or 1,000,000 files. Each view's condition matches a partial index of the
 * migration (office, unassigned, assignee, awaiting confirmation, appeal body), and one office is compared with
 * `=` rather than `= any(...)` so that PostgreSQL can read the index in order and stop after one page.
 */
@Injectable()
export class WorkQueueQuery {
  constructor(
    private readonly sql: PooledQueries,
    private readonly access: CaseAccess,
  ) {}

  async execute(actor: Actor, r: WorkQueueRequest, now = new Date()): Promise<WorkQueuePage> {
    const scope = await this.access.scopeFor(actor);
    const limit = Math.min(Math.max(r.limit ?? 25, 1), 100);
    const built = workQueueSql(actor, scope, r, limit, now);
    if (!built) return { items: [], nextCursor: null };
    const { sql, params } = built;
    // The first page's counts in parallel with the page: two statements, one wait.
    const [rows, counts] = await Promise.all([
      this.sql.rows<{ id: string; reference: string; kind: CaseKind; category: string | null; state: string; nationality: string | null; office_id: string; assignee_id: string | null; due_at: Date | number; version: number }>(sql, params),
      r.withCounts ? this.countsPerState(scope) : undefined,
    ]);
    const page = rows.slice(0, limit);
    const items = page.map((row) => {
      const due = typeof row.due_at === 'number' ? null : row.due_at;
      const finite = due && Number.isFinite(due.getTime()) ? due : null;
      return {
        id: row.id,
        reference: row.reference,
        kind: row.kind,
        category: row.category,
        state: row.state,
        stage: stageOf(row.kind, row.state),
        nationality: row.nationality,
        officeId: row.office_id,
        assigneeId: row.assignee_id,
        dueAt: finite ? finite.toISOString() : null,
        overdue: !!finite && finite.getTime() < now.getTime(),
        version: row.version,
      };
    });
    const last = page[page.length - 1];
    const result: WorkQueuePage = { items, nextCursor: rows.length > limit && last ? encodeCursor(last.due_at, last.id) : null };
    if (counts) result.counts = counts;
    return result;
  }

  /**
   * Open and closed files per state in the actor's scope, from the counters the triggers of `applications` keep
   * (migration 1796000100010): a few rows per office and state, so the cost does not grow with the campaign.
   */
  async countsPerState(scope: CaseScope): Promise<Record<string, number>> {
    const built = stateCountsSql(scope);
    if (!built) return {};
    const rows = await this.sql.rows<{ state: string; n: string }>(built.sql, built.params);
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }
}

/** The SQL of the per-state counts of a scope (exported so that the benchmark times exactly what the endpoint runs). */
export function stateCountsSql(scope: CaseScope): { sql: string; params: unknown[] } | null {
  const head = `select state, sum(n) as n from application_state_counts`;
  const tail = `group by state having sum(n) <> 0 order by state`;
  switch (scope.kind) {
    case 'none':
      return null;
    case 'all':
      return { sql: `${head} where scope = 'office' ${tail}`, params: [] };
    case 'appeals':
      return { sql: `${head} where scope = 'appeal' and office_id = $1 ${tail}`, params: [scope.officeId] };
    case 'offices':
      return { sql: `${head} where scope = 'office' and office_id = any($1::uuid[]) ${tail}`, params: [scope.officeIds] };
  }
}

/** Like CaseAccess.condition, but a single office is compared with `=` so the queue indexes are read in order. */
export function scopeCondition(scope: CaseScope, params: unknown[]): string {
  switch (scope.kind) {
    case 'all':
      return 'true';
    case 'none':
      return 'false';
    case 'appeals':
      params.push(scope.officeId);
      return `a.appeal_office_id = $${params.length}`;
    case 'offices':
      if (scope.officeIds.length === 1) {
        params.push(scope.officeIds[0]);
        return `a.office_id = $${params.length}`;
      }
      params.push(scope.officeIds);
      return `a.office_id = any($${params.length}::uuid[])`;
  }
}

/**
 * The SQL of one queue page (exported so that the scale test explains exactly what the endpoint runs). Null when the
 * view cannot apply to this actor (a caseworker has nothing awaiting their confirmation).
 */
export function workQueueSql(actor: Actor, scope: CaseScope, r: WorkQueueRequest, limit: number, now: Date): { sql: string; params: unknown[] } | null {
  const params: unknown[] = [];
  const where = ['not a.final', scopeCondition(scope, params)];
  const p = (v: unknown) => (params.push(v), `$${params.length}`);
  // Whose work it is: before the appeal body, the commission's; otherwise the office's.
  if (scope.kind === 'appeals') where.push(`a.state = any(${p(APPEAL_BODY_STATES)}::text[])`);
  else if (scope.kind === 'offices') where.push(`a.state <> all(${p(APPEAL_BODY_STATES)}::text[])`);
  switch (r.view) {
    case 'mine':
      where.push(`a.assignee_id = ${p(actor.userId)}`);
      break;
    case 'unassigned':
      where.push('a.assignee_id is null');
      break;
    case 'overdue':
      where.push(`a.due_at < ${p(now)}`);
      break;
    case 'due_this_week':
      where.push(`a.due_at >= ${p(now)} and a.due_at < ${p(new Date(now.getTime() + 7 * DAY_MS))}`);
      break;
    case 'awaiting_my_confirmation':
      if (actor.role !== 'supervisor') return null;
      where.push(`a.proposal is not null and a.proposal->>'proposedBy' <> ${p(actor.userId)}`);
      break;
    case 'office':
      break;
  }
  if (r.kind) where.push(`a.kind = ${p(r.kind)}`);
  if (r.category) where.push(`a.category = ${p(r.category)}`);
  if (r.state) where.push(`a.state = ${p(r.state)}`);
  if (r.nationality) where.push(`a.nationality = ${p(r.nationality)}`);
  if (r.assigneeId) where.push(`a.assignee_id = ${p(r.assigneeId)}`);
  if (r.flag) where.push(`exists (select 1 from case_flags f where f.application_id = a.id and f.kind = ${p(r.flag)} and f.cleared_at is null)`);
  if (r.cursor) {
    const c = decodeCursor(r.cursor);
    where.push(`(a.due_at, a.id) > (${p(c.d)}::timestamptz, ${p(c.i)}::uuid)`);
  }
  const sql = `select a.id, a.reference, a.kind, a.category, a.state, a.nationality, a.office_id, a.assignee_id, a.due_at, a.version
                 from applications a where ${where.join(' and ')} order by a.due_at, a.id limit ${p(limit + 1)}`;
  return { sql, params };
}
