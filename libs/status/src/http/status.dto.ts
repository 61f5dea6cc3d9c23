import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LANGUAGES, type Language } from '@masar/letters';

/** The receipt's two secrets travel in the body, never in the URL (which ends up in logs and histories). */
export class StatusRequestDto {
  @ApiProperty({ example: 'MA-7K3Q-9XWD' })
  @IsString()
  @MaxLength(40)
  reference: string;

  @ApiProperty({ example: 'H4TRP-X9M2K' })
  @IsString()
  @MaxLength(40)
  accessCode: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'The language of the answer; else Accept-Language, else the applicant’s own.' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class MyFilesQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}
