import { ApiProperty } from '@nestjs/swagger';

/** `QualitySamplesQuery` and `RecordQualityFinding` results, described for the OpenAPI document (returned unchanged). */

export class QualitySampleDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '2026-W48' }) week: string;
  @ApiProperty() applicationId: string;
  @ApiProperty() reference: string;
  @ApiProperty() kind: string;
  @ApiProperty({ enum: ['first', 'appeal'] }) instance: 'first' | 'appeal';
  @ApiProperty({ enum: ['favourable', 'unfavourable'] }) outcome: 'favourable' | 'unfavourable';
  @ApiProperty() officerId: string;
  @ApiProperty() officerName: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ description: 'False when you took part in the decision: someone else must review it' }) youMayReview: boolean;
  @ApiProperty({ enum: ['agree', 'disagree'], nullable: true }) finding: 'agree' | 'disagree' | null;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewerId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) reviewedAt: string | null;
}

export class QualitySamplesDto {
  @ApiProperty({ nullable: true, type: String, example: '2026-W48', description: 'null when no week was drawn yet' }) week: string | null;
  @ApiProperty({ type: [QualitySampleDto], description: 'Those without a finding first' }) items: QualitySampleDto[];
}

export class QualityFindingRecordedDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['agree', 'disagree'] }) finding: string;
  @ApiProperty({ format: 'date-time' }) reviewedAt: string;
}
