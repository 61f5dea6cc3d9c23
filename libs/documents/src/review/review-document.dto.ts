import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class ReviewDocumentDto {
  @ApiProperty({ enum: ['verify', 'reject'] })
  @IsIn(['verify', 'reject'])
  decision: 'verify' | 'reject';

  /** Required to reject (checked by the use case, which knows the decision). */
  @ApiPropertyOptional({ description: 'Required to reject: what is wrong and what to send instead (the applicant reads it).' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
