import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@masar/access';
import { AuditSearchQueryDto } from './search/audit-search.query';
import { SearchAuditEvents, type AuditEventPage } from './search/search-audit-events.use-case';
import type { AuditVerification } from './verification/audit-verification';
import { VerifyAuditTrail } from './verification/verify-audit-trail.use-case';

/** Supervisors answer for the whole trail of who did what: they search it and check that it is intact. */
@ApiTags('audit')
@Allow('supervisor')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly search: SearchAuditEvents,
    private readonly verify: VerifyAuditTrail,
  ) {}

  @Get('events')
  @ApiOperation({ summary: 'Search the audit trail by file, user, action and period, newest first' })
  @ApiOkResponse({ description: '{ events, nextCursor }' })
  events(@Query() q: AuditSearchQueryDto): Promise<AuditEventPage> {
    return this.search.execute({
      applicationId: q.applicationId,
      actorId: q.actorId,
      action: q.action,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      cursor: q.cursor,
      limit: q.limit,
    });
  }

  @Get('verify')
  @ApiOperation({ summary: 'Walk the whole chain and report the first broken link' })
  @ApiOkResponse({ description: '{ ok, eventsChecked, checkpointsChecked, head, lastCheckpoint, firstBreak }' })
  verifyChain(): Promise<AuditVerification> {
    return this.verify.execute();
  }
}
