import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { CaseScopeResolver } from '@masar/identity';
import { QualityFindingRecordedDto, QualitySamplesDto } from './quality-sample-responses.dto';
import { QualitySamplesQuery } from './quality-samples.query';
import { RecordQualityFinding } from './record-finding.use-case';

export class QualitySamplesQueryDto {
  @ApiPropertyOptional({ example: '2026-W48', description: 'Default: the latest week drawn' }) @IsOptional() @IsString() @Matches(/^\d{4}-W\d{2}$/) week?: string;
  @ApiPropertyOptional({ enum: ['pending', 'reviewed'] }) @IsOptional() @IsIn(['pending', 'reviewed']) status?: 'pending' | 'reviewed';
}

export class QualityFindingDto {
  @ApiProperty({ enum: ['agree', 'disagree'] }) @IsIn(['agree', 'disagree']) finding: 'agree' | 'disagree';
  @ApiPropertyOptional({ description: 'Required (15 characters at least) to disagree' }) @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}

@ApiTags('quality-samples')
@ApiBearerAuth()
@Controller('quality-samples')
@Allow('supervisor')
export class QualitySamplesController {
  constructor(
    private readonly scopes: CaseScopeResolver,
    private readonly samples: QualitySamplesQuery,
    private readonly findings: RecordQualityFinding,
  ) {}

  @Get()
  @ApiOkResponse({ type: QualitySamplesDto, description: 'The week sampled and its decisions to review in your scope, those without a finding first' })
  async list(@CurrentActor() actor: Actor, @Query() q: QualitySamplesQueryDto): Promise<QualitySamplesDto> {
    return this.samples.execute(actor, await this.scopes.scopeFor(actor), q);
  }

  @Post(':id/finding')
  @HttpCode(200)
  @ApiOkResponse({ type: QualityFindingRecordedDto })
  record(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: QualityFindingDto): Promise<QualityFindingRecordedDto> {
    return this.findings.execute(actor, id, body);
  }
}
