import { ApiProperty, ApiPropertyOptional, getSchemaPath, type ApiResponseOptions } from '@nestjs/swagger';
import { ACTING_ROLES, CASE_EVENT_TYPES, CASE_KINDS, CLOCK_KINDS, GUARDS, STAGES } from '../domain/workflow/workflow-definition';

/** The workflow definition the engine runs (`WorkflowDefinition`), as `GET /workflows/{kind}` returns it in JSON. */

export class WorkflowStateDto {
  @ApiProperty() name: string;
  @ApiProperty({ enum: STAGES }) stage: string;
  @ApiPropertyOptional({ description: "The file's procedure ends here" }) final?: boolean;
  @ApiPropertyOptional({ enum: CLOCK_KINDS, description: 'The clock that runs while the file is here' }) clock?: string;
  @ApiPropertyOptional({ description: 'The action the system takes when that clock ends (else it escalates)' }) onClockEnd?: string;
}

/** One effect of a transition: `kind` says which, and which of the other fields it carries. */
export class WorkflowEffectDto {
  @ApiProperty({
    enum: ['notify', 'letter', 'propose_decision', 'decide', 'clear_proposal', 'unassign', 'open_asylum_file', 'schedule_interview', 'record_interview', 'request_information', 'record_card'],
  })
  kind: string;
  @ApiPropertyOptional({ enum: CASE_EVENT_TYPES, description: '`notify`: the event the applicant is told about' }) event?: string;
  @ApiPropertyOptional({ enum: ['receipt', 'decision'], description: '`letter`' }) letter?: string;
  @ApiPropertyOptional({ enum: ['favourable', 'unfavourable'], description: '`propose_decision`, `decide`' }) outcome?: string;
  @ApiPropertyOptional({ enum: ['first', 'appeal'], description: '`decide`' }) instance?: string;
}

export class WorkflowTransitionDto {
  @ApiProperty() action: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: [String] }) from: string[];
  @ApiProperty() to: string;
  @ApiProperty({ enum: ACTING_ROLES, isArray: true }) by: string[];
  @ApiProperty({ enum: ['office', 'appeal_body'] }) scope: string;
  @ApiProperty({ enum: GUARDS, isArray: true }) guards: string[];
  @ApiProperty({ type: [WorkflowEffectDto] }) effects: WorkflowEffectDto[];
}

export class WorkflowDefinitionDto {
  @ApiProperty({ enum: CASE_KINDS }) kind: string;
  @ApiProperty() version: number;
  @ApiProperty() initial: string;
  @ApiProperty({ type: [WorkflowStateDto] }) states: WorkflowStateDto[];
  @ApiProperty({ type: [WorkflowTransitionDto] }) transitions: WorkflowTransitionDto[];
}

/** The definition as JSON, or (`?format=mermaid`, `Accept: text/plain`) as a Mermaid state diagram. */
export const WORKFLOW_RESPONSE: ApiResponseOptions = {
  description: 'States (with stage, clock, final), transitions (action, from, to, roles, scope, guards, effects); or the Mermaid diagram as text',
  content: {
    'application/json': { schema: { $ref: getSchemaPath(WorkflowDefinitionDto) } },
    'text/plain': { schema: { type: 'string' } },
  },
};
