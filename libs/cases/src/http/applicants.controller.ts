import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { CorrectApplicant } from '../applicants/correct-applicant.use-case';
import { FindDuplicateCandidates } from '../applicants/find-duplicate-candidates.query';
import { GetApplicant } from '../applicants/get-applicant.query';
import { MergeApplicants } from '../applicants/merge-applicants.use-case';
import { RegisterApplicant } from '../applicants/register-applicant.use-case';
import { CorrectApplicantDto, DuplicateCandidateDto, MergeApplicantsDto, PersonDto, RegisterApplicantDto, RegistrationDto, UndoMergeDto } from './applicants.dto';

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
  ) {}

  @Get('applicants/:id')
  @Allow('caseworker', 'supervisor')
  @ApiOkResponse({ description: 'The person, decrypted, for staff holding one of their files (404 otherwise); the read is audited' })
  show(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.getApplicant.execute(actor, id);
  }

  @Patch('applicants/:id')
  @Allow('caseworker', 'supervisor')
  @ApiOkResponse({ description: 'The corrected record; the fields changed and the reason are recorded' })
  correctRecord(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CorrectApplicantDto) {
    const { reason, ...change } = body;
    return this.correct.execute(actor, id, change, reason);
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
  @ApiCreatedResponse({ description: 'The merged record now points to this one; its files moved here' })
  merge(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) survivorId: string, @Body() body: MergeApplicantsDto) {
    return this.merges.merge(actor, survivorId, body.mergedId, body.reason);
  }

  @Post('applicant-merges/:id/undo')
  @HttpCode(200)
  @Allow('supervisor')
  undo(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) mergeId: string, @Body() body: UndoMergeDto) {
    return this.merges.undo(actor, mergeId, body.reason);
  }
}
