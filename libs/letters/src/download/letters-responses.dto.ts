import { ApiProperty, type ApiResponseOptions } from '@nestjs/swagger';

/** The OpenAPI shapes of the letters routes (the web client is generated from them). */
export class IssuedLetterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['receipt', 'decision'] }) kind: 'receipt' | 'decision';
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The decision (history entry) a decision letter states' }) decisionId: string | null;
  @ApiProperty({ enum: ['ar', 'fr', 'en', 'es'] }) language: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
}

/** A PDF answered as bytes (not JSON). */
export function pdfResponse(description: string): ApiResponseOptions {
  return { description, content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } };
}
