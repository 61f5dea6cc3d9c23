import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class ReviewDocumentDto {
  @IsIn(['verify', 'reject'])
  decision: 'verify' | 'reject';

  /** Required to reject (checked by the use case, which knows the decision). */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
