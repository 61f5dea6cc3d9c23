import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsPhoneNumber,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IDENTITY_DOCUMENT_TYPES, type IdentityDocumentType } from '../persistence/identity-document.entity';

export class PartialDateDto {
  @ApiProperty({ example: 1990 }) @IsInt() @Min(1900) @Max(2100) year: number;
  @ApiPropertyOptional({ example: 4 }) @IsOptional() @IsInt() @Min(1) @Max(12) month?: number;
  @ApiPropertyOptional({ example: 17 }) @IsOptional() @IsInt() @Min(1) @Max(31) day?: number;
}

export class IdentityDocumentDto {
  @ApiProperty({ enum: IDENTITY_DOCUMENT_TYPES }) @IsIn(IDENTITY_DOCUMENT_TYPES) type: IdentityDocumentType;
  @ApiProperty({ example: 'A1234567' }) @IsString() @Length(3, 40) number: string;
  @ApiPropertyOptional({ example: 'SN' }) @IsOptional() @IsISO31661Alpha2() issuingCountry?: string;
  @ApiPropertyOptional({ example: '2030-01-31' }) @IsOptional() @IsDateString({ strict: true }) expiresOn?: string;
}

export class PersonDto {
  @ApiPropertyOptional({ example: 'Mohamed Diallo' }) @IsOptional() @IsString() @MinLength(2) @MaxLength(200) latinName?: string;
  @ApiPropertyOptional({ example: 'محمد ديالو' }) @IsOptional() @IsString() @MinLength(2) @MaxLength(200) arabicName?: string;
  @ApiPropertyOptional({ type: PartialDateDto }) @IsOptional() @ValidateNested() @Type(() => PartialDateDto) birthDate?: PartialDateDto;
  @ApiPropertyOptional({ enum: ['female', 'male'] }) @IsOptional() @IsIn(['female', 'male']) sex?: 'female' | 'male';
  @ApiPropertyOptional({ example: 'SN', description: 'ISO 3166-1 alpha-2' }) @IsOptional() @IsISO31661Alpha2() nationality?: string;
  @ApiPropertyOptional({ type: [IdentityDocumentDto] })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => IdentityDocumentDto)
  documents?: IdentityDocumentDto[];
}

export class RegisterApplicantDto extends PersonDto {
  @ApiPropertyOptional({ example: '+212612345678', description: 'E.164' }) @IsOptional() @IsPhoneNumber() phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(200) email?: string;
  @ApiPropertyOptional({ enum: ['ar', 'fr', 'en', 'es'] }) @IsOptional() @IsIn(['ar', 'fr', 'en', 'es']) preferredLanguage?: 'ar' | 'fr' | 'en' | 'es';
  @ApiPropertyOptional({ description: 'Address in the country' }) @IsOptional() @IsString() @MaxLength(500) address?: string;
  @ApiPropertyOptional({ description: 'The candidates were seen and this is a new person' }) @IsOptional() @IsBoolean() confirmNew?: boolean;
}

export class DuplicateCandidateDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) latinName: string | null;
  @ApiProperty({ nullable: true, type: String }) arabicName: string | null;
  @ApiProperty({ nullable: true, type: Number }) birthYear: number | null;
  @ApiProperty({ nullable: true, type: String }) nationality: string | null;
  @ApiProperty({ isArray: true, enum: ['document_number', 'name_key', 'name_trigram', 'name_phonetic'] }) matchedOn: string[];
  @ApiProperty() nameSimilarity: number;
  @ApiProperty() applicationCount: number;
}

export class RegistrationDto {
  @ApiProperty({ enum: ['registered', 'candidates'] }) outcome: 'registered' | 'candidates';
  @ApiPropertyOptional() applicantId?: string;
  @ApiPropertyOptional({ type: [DuplicateCandidateDto] }) candidates?: DuplicateCandidateDto[];
}

export class MergeApplicantsDto {
  @ApiProperty({ description: 'The record that disappears into the survivor' }) @IsUUID() mergedId: string;
  @ApiProperty() @IsString() @MinLength(15) @MaxLength(2000) reason: string;
}

export class UndoMergeDto {
  @ApiProperty() @IsString() @MinLength(15) @MaxLength(2000) reason: string;
}

export class CorrectApplicantDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) latinName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) arabicName?: string;
  @ApiPropertyOptional({ type: PartialDateDto }) @IsOptional() @ValidateNested() @Type(() => PartialDateDto) birthDate?: PartialDateDto;
  @ApiPropertyOptional({ enum: ['female', 'male'] }) @IsOptional() @IsIn(['female', 'male']) sex?: 'female' | 'male';
  @ApiPropertyOptional() @IsOptional() @IsISO31661Alpha2() nationality?: string;
  @ApiPropertyOptional({ description: 'E.164' }) @IsOptional() @IsPhoneNumber() phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(200) email?: string;
  @ApiPropertyOptional({ enum: ['ar', 'fr', 'en', 'es'] }) @IsOptional() @IsIn(['ar', 'fr', 'en', 'es']) preferredLanguage?: 'ar' | 'fr' | 'en' | 'es';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address?: string;
  @ApiProperty({ description: 'Why the record is corrected (kept with the correction)' }) @IsString() @MinLength(10) @MaxLength(1000) reason: string;
}

// ---- responses of the person page (GET /applicants/:id and what sits beside it)
export class ApplicantIdentityDocumentDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: IDENTITY_DOCUMENT_TYPES }) type: string;
  @ApiProperty() number: string;
  @ApiProperty({ nullable: true, type: String }) issuingCountry: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2030-01-31' }) expiresOn: string | null;
}

export class RecordedBirthDateDto {
  @ApiProperty({ example: 1990 }) year: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) month?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) day?: number | null;
}

export class ApplicantRecordDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) latinName: string | null;
  @ApiProperty({ nullable: true, type: String }) arabicName: string | null;
  @ApiProperty({ nullable: true, type: RecordedBirthDateDto }) birthDate: RecordedBirthDateDto | null;
  @ApiProperty({ nullable: true, enum: ['female', 'male'] }) sex: 'female' | 'male' | null;
  @ApiProperty({ nullable: true, type: String }) nationality: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ example: 'fr' }) preferredLanguage: string;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The sign-in account of the person, when they have one' }) userId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Set when this record was merged into another' }) mergedIntoId: string | null;
  @ApiProperty({ type: [ApplicantIdentityDocumentDto] }) documents: ApplicantIdentityDocumentDto[];
}

export class ApplicantViewDto extends ApplicantRecordDto {
  @ApiProperty({ type: [String] }) applicationIds: string[];
}

export class ApplicantFileDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'MA-7K2P-Q9XW' }) reference: string;
  @ApiProperty({ enum: ['regularisation', 'asylum', 'renewal'] }) kind: 'regularisation' | 'asylum' | 'renewal';
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty() state: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: "The file is in the reader's scope: its case page opens" }) mayOpen: boolean;
}

export class ApplicantCorrectionEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: [String], description: 'The fields changed (never their values)' }) fields: string[];
  @ApiProperty() reason: string;
  @ApiProperty() correctedBy: string;
  @ApiProperty() correctedAt: string;
}

export class ApplicantMergeEntryDto {
  @ApiProperty() id: string;
  @ApiProperty() survivorId: string;
  @ApiProperty() mergedId: string;
  @ApiProperty({ nullable: true, type: String }) mergedLatinName: string | null;
  @ApiProperty({ nullable: true, type: String }) mergedArabicName: string | null;
  @ApiProperty() reason: string;
  @ApiProperty() movedApplications: number;
  @ApiProperty() movedDocuments: number;
  @ApiProperty() mergedBy: string;
  @ApiProperty() mergedAt: string;
  @ApiProperty({ nullable: true, type: String }) undoneAt: string | null;
  @ApiProperty({ nullable: true, type: String }) undoneBy: string | null;
  @ApiProperty({ nullable: true, type: String }) undoReason: string | null;
}

export class MergeResultDto {
  @ApiProperty() mergeId: string;
  @ApiProperty() movedApplications: number;
}

export class UndoMergeResultDto {
  @ApiProperty() restoredApplications: number;
}
