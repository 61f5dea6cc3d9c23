import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { PublishCriteria } from '../criteria/publish-criteria.use-case';
import { ReviewWorklist } from '../criteria/review-worklist.query';
import { CriteriaVersions } from '../criteria/criteria-versions.query';
import { PublishCriteriaDto } from './applications.dto';
import { CriteriaVersionDto, PublicationResultDto, ReviewWorklistItemDto } from './criteria.dto';

@ApiTags('criteria')
@ApiBearerAuth()
@Controller('criteria')
export class CriteriaController {
  constructor(
    private readonly publish: PublishCriteria,
    private readonly worklist: ReviewWorklist,
    private readonly versions: CriteriaVersions,
  ) {}

  @Get()
  @Allow('caseworker', 'supervisor', 'admin')
  @ApiOkResponse({ type: [CriteriaVersionDto], description: 'Every version of the regularisation criteria, oldest first, with its categories, parameters and publication' })
  list(): Promise<CriteriaVersionDto[]> {
    return this.versions.execute() as Promise<CriteriaVersionDto[]>;
  }

  @Post('publications')
  @Allow('admin')
  @ApiCreatedResponse({ type: PublicationResultDto, description: 'Published; refused files the new version would accept are in the review worklist' })
  @ApiUnprocessableEntityResponse({ description: 'CASES_UNKNOWN_CRITERIA_VERSION' })
  publishVersion(@CurrentActor() actor: Actor, @Body() body: PublishCriteriaDto): Promise<PublicationResultDto> {
    return this.publish.execute(actor, body.criteriaVersion);
  }

  @Get('review-worklist')
  @Allow('caseworker', 'supervisor')
  @ApiOkResponse({ type: [ReviewWorklistItemDto], description: 'Unresolved files of your offices that a newly published version would accept (500 at most)' })
  reviewWorklist(@CurrentActor() actor: Actor): Promise<ReviewWorklistItemDto[]> {
    return this.worklist.execute(actor);
  }
}
