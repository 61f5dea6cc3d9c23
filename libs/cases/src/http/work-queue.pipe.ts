import { Injectable, type PipeTransform } from '@nestjs/common';
import { isISO31661Alpha2, isUUID } from 'class-validator';
import { ValidationFailed, type FieldError } from '@masar/errors';
import { CASE_KINDS, type CaseKind } from '../domain/workflow/workflow-definition';
import { WORK_QUEUE_VIEWS, type WorkQueueView } from '../work-queue/work-queue.query';

export interface WorkQueueParams {
  view?: WorkQueueView;
  kind?: CaseKind;
  category?: string;
  state?: string;
  nationality?: string;
  assigneeId?: string;
  flag?: string;
  cursor?: string;
  limit?: number;
  counts?: boolean;
}

export const WORK_QUEUE_FLAGS = ['trafficking_indicators', 'vulnerable_person'] as const;
const CODE = /^[a-z_]{2,40}$/;
const FIELDS = new Set(['view', 'kind', 'category', 'state', 'nationality', 'assigneeId', 'flag', 'cursor', 'limit', 'counts']);

/**
 * The query of `GET /work-queue`, validated by hand with the rules and messages the global ValidationPipe gave its
 * DTO (whitelist, no unknown field). The page is what a caseworker reloads all day; class-transformer and
 * class-validator cost more CPU than the rest of the route's own work, these checks next to nothing.
 */
export function parseWorkQueueQuery(value: unknown): WorkQueueParams {
  const q = (value ?? {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, messages: [message] });
  const out: WorkQueueParams = {};
  for (const key of Object.keys(q)) {
    const v = q[key];
    if (v === undefined) continue;
    if (!FIELDS.has(key)) {
      fail(key, `property ${key} should not exist`);
      continue;
    }
    if (key === 'counts') {
      out.counts = v === 'true' || v === '1' || v === true;
      continue;
    }
    if (typeof v !== 'string') {
      fail(key, `${key} must be a string`);
      continue;
    }
    switch (key) {
      case 'view':
        if ((WORK_QUEUE_VIEWS as readonly string[]).includes(v)) out.view = v as WorkQueueView;
        else fail(key, `view must be one of the following values: ${WORK_QUEUE_VIEWS.join(', ')}`);
        break;
      case 'kind':
        if ((CASE_KINDS as readonly string[]).includes(v)) out.kind = v as CaseKind;
        else fail(key, `kind must be one of the following values: ${CASE_KINDS.join(', ')}`);
        break;
      case 'flag':
        if ((WORK_QUEUE_FLAGS as readonly string[]).includes(v)) out.flag = v;
        else fail(key, `flag must be one of the following values: ${WORK_QUEUE_FLAGS.join(', ')}`);
        break;
      case 'category':
      case 'state':
        if (CODE.test(v)) out[key] = v;
        else fail(key, `${key} must match ${CODE} regular expression`);
        break;
      case 'nationality':
        if (isISO31661Alpha2(v)) out.nationality = v;
        else fail(key, 'nationality must be a valid ISO31661 Alpha2 code');
        break;
      case 'assigneeId':
        if (isUUID(v)) out.assigneeId = v;
        else fail(key, 'assigneeId must be a UUID');
        break;
      case 'cursor':
        if (v.length <= 200) out.cursor = v;
        else fail(key, 'cursor must be shorter than or equal to 200 characters');
        break;
      case 'limit': {
        const n = Number(v);
        if (!Number.isInteger(n)) fail(key, 'limit must be an integer number');
        else if (n < 1) fail(key, 'limit must not be less than 1');
        else if (n > 100) fail(key, 'limit must not be greater than 100');
        else out.limit = n;
        break;
      }
    }
  }
  if (errors.length) throw new ValidationFailed(errors);
  return out;
}

@Injectable()
export class WorkQueueQueryPipe implements PipeTransform<unknown, WorkQueueParams> {
  transform(value: unknown): WorkQueueParams {
    return parseWorkQueueQuery(value);
  }
}
