import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditChainBreakKind } from './verification/audit-verification';

/** The OpenAPI shapes of the audit routes (the web client is generated from them). */
export class AuditEventDto {
  @ApiProperty({ description: 'Position in the chain (bigint as a string)', example: '1042' }) seq: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ example: 'case.transition' }) action: string;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'caseworker' }) actorRole: string | null;
  @ApiProperty({ example: 'application' }) subjectType: string;
  @ApiProperty({ nullable: true, type: String }) subjectId: string | null;
  @ApiProperty({ nullable: true, type: String }) applicationId: string | null;
  @ApiProperty({ nullable: true, type: String, description: "That file's reference, as printed on the receipt", example: 'MA-7K3Q-9XWD' }) applicationReference: string | null;
  @ApiProperty({ type: [String], description: 'Names of the fields changed, never their values' }) fields: string[];
  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }], nullable: true }, description: 'Ids and codes' })
  details: Record<string, string | number | boolean | null>;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ description: 'sha256 of this link, hex' }) hash: string;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] }) events: AuditEventDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next (older) page' }) nextCursor: string | null;
}

const BREAK_KINDS: AuditChainBreakKind[] = ['row_changed', 'rows_deleted', 'link_broken', 'chain_rewritten', 'checkpoint_forged', 'checkpoint_key_unknown', 'tail_deleted'];

export class AuditChainBreakDto {
  @ApiProperty({ enum: BREAK_KINDS }) kind: AuditChainBreakKind;
  @ApiProperty({ description: 'Where the chain breaks (for deleted rows, the first missing seq)' }) seq: string;
  @ApiProperty({ nullable: true, type: String, description: 'The event found at that place' }) id: string | null;
  @ApiProperty() detail: string;
  @ApiPropertyOptional() expected?: string;
  @ApiPropertyOptional() found?: string;
}

class AuditLinkDto {
  @ApiProperty() seq: string;
  @ApiProperty() hash: string;
}

class AuditUncoveredDto {
  @ApiProperty() seq: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
}

class AuditCheckpointRefDto {
  @ApiProperty() seq: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'The id of the key that signed it' }) keyId: string;
}

class AuditSigningKeyUseDto {
  @ApiProperty() keyId: string;
  @ApiProperty({ description: 'Checkpoints walked that this key signed' }) checkpoints: number;
  @ApiProperty() firstSeq: string;
  @ApiProperty() lastSeq: string;
}

export class AuditVerificationDto {
  @ApiProperty() ok: boolean;
  @ApiProperty() eventsChecked: number;
  @ApiProperty() checkpointsChecked: number;
  @ApiProperty() signaturesChecked: boolean;
  @ApiProperty({ type: [AuditSigningKeyUseDto], description: 'Which key signed the checkpoints walked, in the order first met' }) signingKeys: AuditSigningKeyUseDto[];
  @ApiProperty({ nullable: true, type: AuditLinkDto, description: 'The head, or the last good link when broken' }) head: AuditLinkDto | null;
  @ApiProperty({ nullable: true, type: AuditCheckpointRefDto }) lastCheckpoint: AuditCheckpointRefDto | null;
  @ApiProperty({ nullable: true, type: AuditUncoveredDto, description: 'The first event no checkpoint covers yet' }) uncoveredSince: AuditUncoveredDto | null;
  @ApiProperty({ nullable: true, type: AuditChainBreakDto }) firstBreak: AuditChainBreakDto | null;
  @ApiProperty() durationMs: number;
}
