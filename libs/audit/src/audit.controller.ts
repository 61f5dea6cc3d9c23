import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { AuditEventPageDto, AuditVerificationDto } from './audit-responses.dto';
import { AuditTrail } from './audit-trail';
import { AuditSearchQueryDto } from './search/audit-search.query';
import { SearchAuditEvents, type AuditEventPage } from './search/search-audit-events.use-case';
import type { AuditVerification } from './verification/audit-verification';
import { VerifyAuditTrail } from './verification/verify-audit-trail.use-case';

/**
 * Supervisors answer for the trail of who did what: they search the events of their scope (the files of their
 * office or region, the commission's appeals, what their staff did; an admin the whole trail) and check that the
 * whole chain is intact (verification stays global: the chain is one, and its result holds sequence numbers, hashes
 * and ids, never an event's content). Looking at the trail is itself recorded (who searched what), before the
 * answer is sent: no record, no answer.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Allow('supervisor', 'admin')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly search: SearchAuditEvents,
    private readonly verify: VerifyAuditTrail,
    private readonly trail: AuditTrail,
  ) {}

  @Get('events')
  @ApiOperation({ summary: 'Search the audit trail by file (its id or its reference), user, subject, action and period, newest first, within the reader\'s scope (a supervisor: the files of their office or region and what its staff did; the national commission: the appeals; an admin: everything)' })
  @ApiOkResponse({ type: AuditEventPageDto })
  async events(@Query() q: AuditSearchQueryDto, @CurrentActor() actor: Actor): Promise<AuditEventPage> {
    const from = q.from ? new Date(q.from) : undefined;
    const to = q.to ? new Date(q.to) : undefined;
    const { page, fileId, reference } = await this.search.execute(actor, {
      applicationId: q.applicationId,
      reference: q.reference,
      actorId: q.actorId,
      action: q.action,
      subjectType: q.subjectType,
      subjectId: q.subjectId,
      from,
      to,
      cursor: q.cursor,
      limit: q.limit,
    });
    await this.trail.recordNow({
      action: 'audit.search',
      actorId: actor.userId,
      actorRole: actor.role,
      subjectType: 'audit_trail',
      applicationId: fileId,
      details: definedOnly({ reference: reference ?? undefined, actorId: q.actorId, action: q.action, subjectType: q.subjectType, subjectId: q.subjectId, from: from?.toISOString(), to: to?.toISOString(), results: page.events.length }),
    });
    return page;
  }

  @Get('verify')
  @ApiOperation({ summary: 'Walk the whole chain and report the first broken link' })
  @ApiOkResponse({ type: AuditVerificationDto })
  async verifyChain(@CurrentActor() actor: Actor): Promise<AuditVerification> {
    const result = await this.verify.execute();
    await this.trail.recordNow({
      action: 'audit.verify',
      actorId: actor.userId,
      actorRole: actor.role,
      subjectType: 'audit_trail',
      details: { ok: result.ok, eventsChecked: result.eventsChecked, breakSeq: result.firstBreak?.seq ?? null, breakKind: result.firstBreak?.kind ?? null },
    });
    return result;
  }
}

function definedOnly<T extends Record<string, string | number | undefined>>(o: T): Record<string, string | number> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, string | number>;
}
