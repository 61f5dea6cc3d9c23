import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { CASE_KINDS, type CaseKind } from '../domain/workflow/workflow-definition';
import { REGULARISATION_CATEGORIES } from '../domain/eligibility/criteria';
import { PartialDateDto } from './applicants.dto';

export class MarriageDto {
  @ApiProperty({ example: '2011-05-01' }) @IsDateString({ strict: true }) since: string;
  @ApiProperty({ enum: ['moroccan', 'foreigner_regular', 'foreigner_irregular'] }) @IsIn(['moroccan', 'foreigner_regular', 'foreigner_irregular'])
  spouseStatus: 'moroccan' | 'foreigner_regular' | 'foreigner_irregular';
}

export class EligibilityFactsDto {
  @ApiPropertyOptional({ enum: ['female', 'male'] }) @IsOptional() @IsIn(['female', 'male']) sex?: 'female' | 'male';
  @ApiPropertyOptional({ type: PartialDateDto }) @IsOptional() @ValidateNested() @Type(() => PartialDateDto) birthDate?: PartialDateDto;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) entryDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) residenceSince?: string;
  @ApiPropertyOptional({ type: MarriageDto }) @IsOptional() @ValidateNested() @Type(() => MarriageDto) marriage?: MarriageDto;
  @ApiPropertyOptional({ enum: ['moroccan', 'foreigner_regular', 'foreigner_irregular'] })
  @IsOptional()
  @IsIn(['moroccan', 'foreigner_regular', 'foreigner_irregular'])
  parentStatus?: 'moroccan' | 'foreigner_regular' | 'foreigner_irregular';
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(600) contractMonths?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() worksWithoutContract?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() seriousIllness?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() unaccompanied?: boolean;
}

export class OpenApplicationDto {
  @ApiProperty({ enum: CASE_KINDS }) @IsIn(CASE_KINDS) kind: CaseKind;
  @ApiProperty() @IsUUID() applicantId: string;
  @ApiPropertyOptional({ description: "Defaults to the caseworker's office" }) @IsOptional() @IsUUID() officeId?: string;
  @ApiPropertyOptional({ enum: REGULARISATION_CATEGORIES }) @IsOptional() @IsIn(REGULARISATION_CATEGORIES) category?: string;
  @ApiPropertyOptional({ example: 'MA-2016' }) @IsOptional() @IsString() @MaxLength(20) criteriaVersion?: string;
  @ApiPropertyOptional({ enum: ['regular', 'accelerated', 'simplified'] }) @IsOptional() @IsIn(['regular', 'accelerated', 'simplified'])
  modality?: 'regular' | 'accelerated' | 'simplified';
  @ApiPropertyOptional({ type: EligibilityFactsDto }) @IsOptional() @ValidateNested() @Type(() => EligibilityFactsDto) facts?: EligibilityFactsDto;
  @ApiPropertyOptional({ description: 'Renewals: expiry day of the current card' }) @IsOptional() @IsDateString({ strict: true }) cardExpiresOn?: string;
}

export class OpenedApplicationDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'MA-7K3Q-9XWD' }) reference: string;
  @ApiProperty({ description: 'Shown once, for the receipt; Masar keeps only a keyed hash' }) accessCode: string;
  @ApiProperty() state: string;
  @ApiProperty() version: number;
}

export class TransitionDto {
  @ApiProperty({ example: 'propose_favourable' }) @IsString() @Matches(/^[a-z_]{2,64}$/) action: string;
  @ApiPropertyOptional({ description: 'Written reasons (required for a refusal, an overturn, a withdrawal...)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason?: string;
  @ApiPropertyOptional({
    description: 'Action data: `interview` {at, place, interpreterLanguage}, `requested` [document codes], `dueDate` YYYY-MM-DD, `consent` true',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;
  @ApiProperty({ description: 'The version of the file you acted on' }) @IsInt() @Min(1) expectedVersion: number;
}

export class TransitionResultDto {
  @ApiProperty() id: string;
  @ApiProperty() reference: string;
  @ApiProperty() state: string;
  @ApiProperty() stage: string;
  @ApiProperty() version: number;
  @ApiProperty() historyId: string;
  @ApiPropertyOptional({ type: OpenedApplicationDto }) opened?: OpenedApplicationDto;
}

export class AddNoteDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) body: string;
}

export class AssignDto {
  @ApiProperty({ nullable: true, type: String, description: 'null releases the file' }) @IsOptional() @IsUUID() assigneeId: string | null;
  @ApiPropertyOptional({ minLength: 3, maxLength: 2000, description: 'Why the file changes hands: shown in its history' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason?: string;
  @ApiPropertyOptional({ description: 'The version you saw: a file changed since is refused with 409 CASES_VERSION_CONFLICT' }) @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
}

export class AssignmentDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) assigneeId: string | null;
  @ApiProperty({ description: 'The file version after the change' }) version: number;
}

export class TransferDto {
  @ApiProperty() @IsUUID() officeId: string;
  @ApiProperty() @IsString() @MinLength(15) @MaxLength(2000) reason: string;
  @ApiProperty() @IsInt() @Min(1) expectedVersion: number;
}

export class TransferResultDto {
  @ApiProperty() id: string;
  @ApiProperty() officeId: string;
  @ApiProperty({ description: 'The file version after the move' }) version: number;
}

export class ClaimDto {
  @ApiPropertyOptional({ enum: CASE_KINDS }) @IsOptional() @IsIn(CASE_KINDS) kind?: CaseKind;
}

export class PublishCriteriaDto {
  @ApiProperty({ example: 'MA-2016-R' }) @IsString() @MaxLength(20) criteriaVersion: string;
}


export class RaiseFlagDto {
  @ApiProperty({ enum: ['trafficking_indicators', 'vulnerable_person'] }) @IsIn(['trafficking_indicators', 'vulnerable_person']) kind: 'trafficking_indicators' | 'vulnerable_person';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ClearFlagDto {
  @ApiProperty() @IsString() @MinLength(15) @MaxLength(2000) reason: string;
}

export class ReferralDto {
  @ApiProperty({ enum: ['protection', 'health', 'education', 'employment', 'housing', 'training', 'culture'] })
  @IsIn(['protection', 'health', 'education', 'employment', 'housing', 'training', 'culture'])
  service: 'protection' | 'health' | 'education' | 'employment' | 'housing' | 'training' | 'culture';
  @ApiProperty({ description: 'The person agreed to the referral' }) @IsBoolean() consent: boolean;
  @ApiProperty({ example: '2026-03-01' }) @IsDateString({ strict: true }) consentGivenOn: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}
