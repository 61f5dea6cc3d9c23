import { ApiProperty } from '@nestjs/swagger';

/** `ExportMyData`'s document, described for the OpenAPI document (the route returns it unchanged, as a download). */

export class ExportedAccountDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ example: 'applicant' }) role: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class DataExportDto {
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({ type: ExportedAccountDto, nullable: true }) account: ExportedAccountDto | null;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      'Each person record linked to your account: the record, its corrections and its files (history, events, notes, flags, referrals), ' +
      'and beside each file its office, clocks, documents (described, not their bytes), letters, notifications and in-app messages',
  })
  persons: Record<string, unknown>[];
}
