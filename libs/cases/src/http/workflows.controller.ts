import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '@masar/access';
import { CasesErrors } from '../cases.errors';
import { workflowToMermaid } from '../domain/workflow/workflow-mermaid';
import { isCaseKind, workflowFor } from '../domain/workflow/workflows';

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('workflows')
export class WorkflowsController {
  /** The definition the engine runs, as JSON, or as a Mermaid state diagram (`?format=mermaid` or Accept: text/plain). */
  @Get(':kind')
  @Allow('caseworker', 'supervisor', 'admin')
  @ApiProduces('application/json', 'text/plain')
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'mermaid'] })
  @ApiOkResponse({ description: 'States (with stage, clock, final), transitions (action, from, to, roles, scope, guards, effects)' })
  show(@Param('kind') kind: string, @Query('format') format: string | undefined, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    if (!isCaseKind(kind)) throw CasesErrors.unknownKind(kind);
    const def = workflowFor(kind);
    const wantsText = format === 'mermaid' || (format !== 'json' && !!accept && /text\/plain/.test(accept) && !/application\/json/.test(accept));
    if (wantsText) {
      reply.type('text/plain; charset=utf-8');
      return workflowToMermaid(def);
    }
    return def;
  }
}
