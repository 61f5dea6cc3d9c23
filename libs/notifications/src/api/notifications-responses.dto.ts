import { ApiProperty } from '@nestjs/swagger';

/** The OpenAPI shapes of the notifications routes (the web client is generated from them). */
export class DeadLetterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) deliveryId: string;
  @ApiProperty({ format: 'uuid' }) notificationId: string;
  @ApiProperty({ enum: ['email', 'sms', 'in_app'] }) channel: string;
  @ApiProperty({ example: 'case.decided' }) event: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ description: 'Why the last attempt failed (no address, no message text)' }) lastError: string;
  @ApiProperty({ format: 'date-time' }) failedAt: string;
}

export class DeadLetterListDto {
  @ApiProperty({ type: [DeadLetterDto], description: 'Not yet retried, newest first (at most 200)' }) items: DeadLetterDto[];
}

export class DeadLetterRetryDto {
  @ApiProperty({ format: 'uuid' }) deliveryId: string;
  @ApiProperty({ enum: ['pending'], description: 'The delivery is queued again' }) status: 'pending';
}

export class InboxMessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ example: 'case.decided' }) event: string;
  @ApiProperty({ enum: ['ar', 'fr', 'en', 'es'] }) language: string;
  @ApiProperty() subject: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt: string | null;
}

export class InboxPageDto {
  @ApiProperty({ type: [InboxMessageDto] }) items: InboxMessageDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `after` for the next (older) page; null on the last page' }) next: string | null;
}
