import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '@masar/access';
import { ValidationFailed } from '@masar/errors';
import { CasesErrors } from '../cases.errors';
import { DIAGRAM_LANGUAGES, isDiagramLanguage, StageWording } from '../domain/workflow/workflow-definition';
import { workflowToMermaid } from '../domain/workflow/workflow-mermaid';
import { isCaseKind, workflowFor } from '../domain/workflow/workflows';
import { WORKFLOW_RESPONSE, WorkflowDefinitionDto } from './workflow.dto';

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('workflows')
export class WorkflowsController {
  private wording: StageWording | null | undefined;

  constructor(private readonly moduleRef: ModuleRef) {}

  /** The definition the engine runs, as JSON, or as a Mermaid state diagram (`?format=mermaid` or Accept: text/plain). */
  @Get(':kind')
  @Allow('caseworker', 'supervisor', 'admin')
  @ApiProduces('application/json', 'text/plain')
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'mermaid'] })
  @ApiQuery({
    name: 'lang',
    required: false,
    enum: DIAGRAM_LANGUAGES,
    description: "Language of the diagram's state labels: the plain words of each stage, as on the status page (en by default)",
  })
  @ApiExtraModels(WorkflowDefinitionDto)
  @ApiOkResponse(WORKFLOW_RESPONSE)
  show(
    @Param('kind') kind: string,
    @Query('format') format: string | undefined,
    @Query('lang') lang: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!isCaseKind(kind)) throw CasesErrors.unknownKind(kind);
    const language = lang ?? 'en';
    if (!isDiagramLanguage(language)) throw new ValidationFailed([{ field: 'lang', messages: [`lang must be one of ${DIAGRAM_LANGUAGES.join(', ')}`] }]);
    const def = workflowFor(kind);
    const wantsText = format === 'mermaid' || (format !== 'json' && !!accept && /text\/plain/.test(accept) && !/application\/json/.test(accept));
    if (wantsText) {
      reply.type('text/plain; charset=utf-8');
      const wording = this.stageWording();
      return workflowToMermaid(def, wording ? (stage) => wording.titleOf(stage, language) : undefined);
    }
    return def;
  }

  /**
   * The status context's words, looked up in the whole application rather than imported (it depends on this
   * context); a process without it draws the stage names instead.
   */
  private stageWording(): StageWording | null {
    if (this.wording === undefined) {
      try {
        this.wording = this.moduleRef.get(StageWording, { strict: false });
      } catch {
        this.wording = null;
      }
    }
    return this.wording ?? null;
  }
}
