import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { ApplicantHistory } from '../applicants/applicant-history.query';
import { CorrectApplicant } from '../applicants/correct-applicant.use-case';
import { FindDuplicateCandidates } from '../applicants/find-duplicate-candidates.query';
import { GetApplicant } from '../applicants/get-applicant.query';
import { MergeApplicants } from '../applicants/merge-applicants.use-case';
import { RegisterApplicant } from '../applicants/register-applicant.use-case';
import {
  ApplicantCorrectionEntryDto,
  ApplicantFileDto,
  ApplicantMergeEntryDto,
  ApplicantRecordDto,
  ApplicantViewDto,
  CorrectApplicantDto,
  DuplicateCandidateDto,
  MergeApplicantsDto,
  MergeResultDto,
  PersonDto,
  RegisterApplicantDto,
  RegistrationDto,
  UndoMergeDto,
  UndoMergeResultDto,
} from './applicants.dto';

@ApiTags('applicants')
@ApiBearerAuth()
@Controller()
export class ApplicantsController {
  constructor(
    private readonly register: RegisterApplicant,
    private readonly duplicates: FindDuplicateCandidates,
    private readonly merges: MergeApplicants,
    private readonly dataSource: DataSource,
    private readonly getApplicant: GetApplicant,
    private readonly correct: CorrectApplicant,
    private readonly history: ApplicantHistory,
  ) {}

  @Get('applicants/:id')
  @Allow('caseworker', 'supervisor')
  @ApiOkResponse({ type: ApplicantViewDto, description: 'The person, decrypted, for staff holding one of their files (404 otherwise); the read is audited' })
  show(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ApplicantViewDto> {
    return this.getApplicant.execute(actor, id);
  }

  @Patch('applicants/:id')
  @Allow('caseworker', 'supervisor')
  @ApiOkResponse({ type: ApplicantRecordDto, description: 'The corrected record; the fields changed and the reason are recorded' })
  correctRecord(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CorrectApplicantDto): Promise<ApplicantRecordDto> {
    // Only the fields sent are own properties of the DTO: class fields use the [[Set]] semantics
    // (useDefineForClassFields false in tsconfig.json and .swcrc), so an absent field is not an undefined one.
    const { reason, ...change } = body;
    return this.correct.execute(actor, id, change, reason);
  }

  @Get('applicants/:id/applications')
  @Allow('caseworker', 'supervisor')
  @ApiOkResponse({ type: [ApplicantFileDto], description: "The person's files, oldest first, each saying whether the reader may open it" })
  files(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ApplicantFileDto[]> {
    return this.history.files(actor, id);
  }

  @Get('applicants/:id/corrections')
  @Allow('caseworker', 'supervisor')
  @ApiOkResponse({ type: [ApplicantCorrectionEntryDto], description: 'The corrections of the record, newest first: fields and reason, not the old values' })
  corrections(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ApplicantCorrectionEntryDto[]> {
    return this.history.corrections(actor, id);
  }

  @Get('applicants/:id/merges')
  @Allow('caseworker', 'supervisor')
  @ApiOkResponse({ type: [ApplicantMergeEntryDto], description: 'Merges into this person and of this record into another, newest first, undone ones included' })
  mergeList(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ApplicantMergeEntryDto[]> {
    return this.history.merges(actor, id);
  }

  /** Searches first: with likely duplicates and no `confirmNew`, answers 200 with the candidates and writes nothing. */
  @Post('applicants')
  @Allow('caseworker', 'supervisor')
  @ApiCreatedResponse({ type: RegistrationDto, description: 'Registered' })
  @ApiOkResponse({ type: RegistrationDto, description: 'Candidates to look at first' })
  async create(@CurrentActor() actor: Actor, @Body() body: RegisterApplicantDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<RegistrationDto> {
    const r = await this.register.execute(actor, body);
    reply.status(r.outcome === 'registered' ? 201 : 200);
    return r;
  }

  @Post('applicants/duplicate-search')
  @HttpCode(200)
  @Allow('caseworker', 'supervisor')
  @ApiOkResponse({ type: [DuplicateCandidateDto] })
  search(@Body() body: PersonDto): Promise<DuplicateCandidateDto[]> {
    return this.duplicates.find(this.dataSource.manager, {
      latinName: body.latinName,
      arabicName: body.arabicName,
      birthYear: body.birthDate?.year,
      nationality: body.nationality,
      documentNumbers: body.documents?.map((d) => d.number),
    });
  }

  @Post('applicants/:id/merges')
  @Allow('supervisor')
  @ApiCreatedResponse({ type: MergeResultDto, description: 'The merged record now points to this one; its files moved here' })
  merge(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) survivorId: string, @Body() body: MergeApplicantsDto): Promise<MergeResultDto> {
    return this.merges.merge(actor, survivorId, body.mergedId, body.reason);
  }

  @Post('applicant-merges/:id/undo')
  @HttpCode(200)
  @Allow('supervisor')
  @ApiOkResponse({ type: UndoMergeResultDto, description: 'What the merge moved went back, except files opened on the survivor since' })
  undo(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) mergeId: string, @Body() body: UndoMergeDto): Promise<UndoMergeResultDto> {
    return this.merges.undo(actor, mergeId, body.reason);
  }
}
