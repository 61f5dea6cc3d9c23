import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'caseworker.rabat@masar.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'a long pass phrase' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

export class TokenPairDto {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
}

export class MeDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ['applicant', 'caseworker', 'supervisor', 'admin'] }) role: string;
  @ApiProperty({ nullable: true, type: String }) officeId: string | null;
  @ApiProperty({ nullable: true, type: String }) officeCode: string | null;
  @ApiProperty({ nullable: true, type: String }) officeName: string | null;
}

export class ApplicantSignUpDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ minLength: 12, description: 'At least 12 characters; a few words are easier to remember' })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) displayName: string;
}
