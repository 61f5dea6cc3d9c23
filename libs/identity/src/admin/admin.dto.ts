import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '@masar/access';

export class CreateUserDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) displayName: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES as unknown as string[]) role: Role;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsUUID() officeId?: string | null;
  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(256) password: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(120) displayName?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES as unknown as string[]) role?: Role;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsUUID() officeId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ minLength: 12 }) @IsOptional() @IsString() @MinLength(12) @MaxLength(256) password?: string;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String }) officeId: string | null;
  @ApiProperty() active: boolean;
}

export const OFFICE_KINDS = ['prefecture', 'province', 'national_commission'] as const;
/** Office and region codes: upper-case Latin letters and digits (RAB, CAS, RSK), as on the seeded offices. */
const CODE = /^[A-Z][A-Z0-9]{1,9}$/;
const CODE_MESSAGE = 'must be 2 to 10 upper-case Latin letters or digits, starting with a letter';

export class OfficeDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ enum: OFFICE_KINDS }) kind: string;
  @ApiProperty() active: boolean;
}

export class CreateOfficeDto {
  @ApiProperty({ pattern: CODE.source }) @IsString() @Matches(CODE, { message: `code ${CODE_MESSAGE}` }) code: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(160) name: string;
  @ApiProperty({ pattern: CODE.source }) @IsString() @Matches(CODE, { message: `regionCode ${CODE_MESSAGE}` }) regionCode: string;
  @ApiProperty({ enum: OFFICE_KINDS }) @IsIn(OFFICE_KINDS as unknown as string[]) kind: (typeof OFFICE_KINDS)[number];
}

/** What an administrator may change of an office: its name and region (the code and kind are fixed at creation). */
export class UpdateOfficeDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(160) name?: string;
  @ApiPropertyOptional({ pattern: CODE.source }) @IsOptional() @IsString() @Matches(CODE, { message: `regionCode ${CODE_MESSAGE}` }) regionCode?: string;
}
