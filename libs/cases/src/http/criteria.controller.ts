import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { PublishCriteria } from '../criteria/publish-criteria.use-case';
import { ReviewWorklist } from '../criteria/review-worklist.query';
import { CRITERIA_VERSIONS } from '../domain/eligibility/criteria';
import { PublishCriteriaDto } from './applications.dto';

@ApiTags('criteria')
@ApiBearerAuth()
@Controller('criteria')
export class CriteriaController {
  constructor(
    private readonly publish: PublishCriteria,
    private readonly worklist: ReviewWorklist,
  ) {}

  @Get()
  @Allow('caseworker', 'supervisor', 'admin')
  @ApiOkResponse({ description: 'Every version of the regularisation criteria, with its categories and parameters' })
  list() {
    return CRITERIA_VERSIONS;
  }

  @Post('publications')
  @Allow('admin')
  @ApiCreatedResponse({ description: 'Published; refused files the new version would accept are in the review worklist' })
  publishVersion(@CurrentActor() actor: Actor, @Body() body: PublishCriteriaDto) {
    return this.publish.execute(actor, body.criteriaVersion);
  }

  @Get('review-worklist')
  @Allow('caseworker', 'supervisor')
  reviewWorklist(@CurrentActor() actor: Actor) {
    return this.worklist.execute(actor);
  }
}
