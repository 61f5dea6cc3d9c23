import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { WorkQueueQuery } from '../work-queue/work-queue.query';
import { ApiWorkQueueQuery, WorkQueuePageDto } from './work-queue.dto';
import { WorkQueueQueryPipe, type WorkQueueParams } from './work-queue.pipe';

@ApiTags('work-queue')
@ApiBearerAuth()
@Controller('work-queue')
export class WorkQueueController {
  constructor(private readonly queue: WorkQueueQuery) {}

  @Get()
  @Allow('caseworker', 'supervisor')
  @ApiWorkQueueQuery()
  @ApiOkResponse({ type: WorkQueuePageDto })
  list(@CurrentActor() actor: Actor, @Query(WorkQueueQueryPipe) q: WorkQueueParams): Promise<WorkQueuePageDto> {
    return this.queue.execute(actor, {
      view: q.view ?? 'office',
      kind: q.kind,
      category: q.category,
      state: q.state,
      nationality: q.nationality,
      assigneeId: q.assigneeId,
      flag: q.flag,
      cursor: q.cursor,
      limit: q.limit,
      withCounts: q.counts ?? !q.cursor,
    });
  }
}
