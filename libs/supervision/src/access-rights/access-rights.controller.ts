import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsDefined, IsIn, IsString, Length } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { CORRECTABLE_FIELDS } from './correctable-fields';
import { CorrectApplicantField } from './correct-applicant-field.use-case';
import { ExportMyData } from './export-my-data.query';

export class CorrectionDto {
  @ApiProperty({ enum: CORRECTABLE_FIELDS }) @IsIn(CORRECTABLE_FIELDS) field: string;
  @ApiProperty({ description: 'The corrected value (birthDate: { year, month?, day? }; null clears an optional field)', nullable: true })
  @IsDefined()
  value: unknown;
  @ApiProperty({ minLength: 15, description: 'Why: the document or the request that shows the right value' }) @IsString() @Length(15, 2000) reason: string;
}

@ApiTags('data-protection')
@ApiBearerAuth()
@Controller()
export class AccessRightsController {
  constructor(
    private readonly exports: ExportMyData,
    private readonly corrections: CorrectApplicantField,
  ) {}

  @Get('me/data-export')
  @Allow('applicant')
  @ApiOkResponse({ description: 'Everything Masar holds about you, as JSON (a download)' })
  async export(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const data = await this.exports.execute(actor);
    reply.header('content-disposition', 'attachment; filename="masar-my-data.json"');
    reply.header('cache-control', 'no-store');
    return data;
  }

  @Post('applicants/:id/corrections')
  @Allow('caseworker', 'supervisor')
  @ApiCreatedResponse({ description: 'The field is corrected; the correction (field, reason, who) is kept and audited' })
  correct(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CorrectionDto) {
    return this.corrections.execute(actor, id, body);
  }
}
