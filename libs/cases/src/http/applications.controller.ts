import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { GetApplication, type ApplicationView } from '../applications/get-application.query';
import { OpenApplication } from '../applications/open-application.use-case';
import { AssignApplication } from '../assignment/assign-application.use-case';
import { ClaimNext } from '../assignment/claim-next.use-case';
import { AddCaseNote } from '../notes/add-case-note.use-case';
import { FlagsAndReferrals } from '../protection/flags-and-referrals';
import { RecordEligibilityFacts } from '../eligibility/record-eligibility-facts.use-case';
import { TransferApplication } from '../transfer/transfer-application.use-case';
import { PerformTransition } from '../transitions/perform-transition.use-case';
import { AddNoteDto, AssignDto, AssignmentDto, ClaimDto, ClearFlagDto, EligibilityFactsDto, RaiseFlagDto, ReferralDto, OpenApplicationDto, OpenedApplicationDto, TransferDto, TransferResultDto, TransitionDto, TransitionResultDto } from './applications.dto';
import { ApplicationViewDto, ClaimedApplicationDto, CreatedNoteDto, EligibilityResultDto, RecordIdDto } from './application-view.dto';

@ApiTags('applications')
@ApiBearerAuth()
@Controller()
export class ApplicationsController {
  constructor(
    private readonly open: OpenApplication,
    private readonly get: GetApplication,
    private readonly transitions: PerformTransition,
    private readonly notes: AddCaseNote,
    private readonly assign: AssignApplication,
    private readonly claim: ClaimNext,
    private readonly transfer: TransferApplication,
    private readonly facts: RecordEligibilityFacts,
    private readonly protection: FlagsAndReferrals,
  ) {}

  @Post('applications/:id/flags')
  @Allow('caseworker', 'supervisor')
  @ApiCreatedResponse({ type: RecordIdDto, description: 'Flag raised (one open flag per kind)' })
  raiseFlag(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: RaiseFlagDto): Promise<RecordIdDto> {
    return this.protection.raise(actor, id, body.kind, body.note ?? null);
  }

  @Post('applications/:id/flags/:flagId/clear')
  @HttpCode(200)
  @Allow('supervisor')
  @ApiOkResponse({ type: RecordIdDto, description: 'The flag cleared' })
  clearFlag(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('flagId', ParseUUIDPipe) flagId: string, @Body() body: ClearFlagDto): Promise<RecordIdDto> {
    return this.protection.clear(actor, id, flagId, body.reason);
  }

  @Post('applications/:id/referrals')
  @Allow('caseworker', 'supervisor')
  @ApiCreatedResponse({ type: RecordIdDto, description: 'Referral recorded with the date of consent' })
  @ApiUnprocessableEntityResponse({ description: 'CASES_CONSENT_REQUIRED, or an integration service before a favourable decision' })
  refer(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReferralDto): Promise<RecordIdDto> {
    return this.protection.refer(actor, id, { service: body.service, consent: body.consent, consentGivenOn: body.consentGivenOn, note: body.note ?? null });
  }

  @Post('applications')
  @Allow('caseworker', 'supervisor')
  @ApiCreatedResponse({ type: OpenedApplicationDto, description: 'The access code is shown once, for the receipt' })
  create(@CurrentActor() actor: Actor, @Body() body: OpenApplicationDto): Promise<OpenedApplicationDto> {
    return this.open.execute(actor, body);
  }

  @Get('applications/:id')
  @Allow('caseworker', 'supervisor')
  @ApiOkResponse({ type: ApplicationViewDto })
  @ApiNotFoundResponse({ description: 'Unknown, or outside your office: the two are not told apart' })
  show(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ApplicationView> {
    return this.get.execute(actor, id);
  }

  @Post('applications/:id/transitions')
  @HttpCode(200)
  @Allow('caseworker', 'supervisor', 'applicant')
  @ApiOkResponse({ type: TransitionResultDto })
  @ApiConflictResponse({ description: 'CASES_VERSION_CONFLICT: the file changed since you loaded it' })
  @ApiUnprocessableEntityResponse({ description: 'CASES_ACTION_NOT_ALLOWED (with allowedActions) or CASES_GUARD_FAILED (with failedGuards)' })
  @ApiForbiddenResponse({ description: 'CASES_ACTION_FORBIDDEN: your role or office may not take this action' })
  transition(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: TransitionDto): Promise<TransitionResultDto> {
    return this.transitions.execute(actor, id, body);
  }

  @Post('applications/:id/notes')
  @Allow('caseworker', 'supervisor')
  @ApiCreatedResponse({ type: CreatedNoteDto })
  addNote(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AddNoteDto): Promise<CreatedNoteDto> {
    return this.notes.execute(actor, id, body.body);
  }

  @Put('applications/:id/eligibility-facts')
  @Allow('caseworker', 'supervisor')
  @ApiOkResponse({ type: EligibilityResultDto, description: 'The advisory assessment under the criteria version of the file, with its reasons' })
  recordFacts(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: EligibilityFactsDto): Promise<EligibilityResultDto> {
    return this.facts.execute(actor, id, body);
  }

  @Put('applications/:id/assignment')
  @Allow('supervisor')
  @ApiOkResponse({ type: AssignmentDto })
  @ApiConflictResponse({ description: 'CASES_VERSION_CONFLICT: the file changed since you loaded it' })
  @ApiUnprocessableEntityResponse({ description: 'CASES_ASSIGNEE_INVALID: not active staff of the office that holds the file; CASES_FILE_CLOSED' })
  setAssignee(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AssignDto): Promise<AssignmentDto> {
    return this.assign.execute(actor, id, { assigneeId: body.assigneeId ?? null, reason: body.reason, expectedVersion: body.expectedVersion });
  }

  @Post('applications/:id/transfer')
  @HttpCode(200)
  @Allow('supervisor')
  @ApiOkResponse({ type: TransferResultDto })
  @ApiConflictResponse({ description: 'CASES_VERSION_CONFLICT: the file changed since you loaded it' })
  @ApiUnprocessableEntityResponse({ description: 'CASES_OFFICE_INVALID: the same office, the appeal body, or a file before the appeal body; CASES_FILE_CLOSED' })
  transferTo(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: TransferDto): Promise<TransferResultDto> {
    return this.transfer.execute(actor, id, body);
  }

  @Post('work-queue/claim')
  @HttpCode(200)
  @Allow('caseworker', 'supervisor')
  @ApiOkResponse({ type: ClaimedApplicationDto, description: 'The file now assigned to you' })
  @ApiNotFoundResponse({ description: 'CASES_NOTHING_TO_CLAIM' })
  claimNext(@CurrentActor() actor: Actor, @Body() body: ClaimDto): Promise<ClaimedApplicationDto> {
    return this.claim.execute(actor, { kind: body.kind });
  }
}
