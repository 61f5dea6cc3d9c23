import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The OpenAPI shapes of the health routes (what load balancers and orchestrators read). */
export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

export class DependencyStatusDto {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiPropertyOptional({ description: 'Why it is down' }) message?: string;
  @ApiPropertyOptional({ description: 'How long the check took, ms (the database ping)' }) responseTime?: number;
}

const BY_DEPENDENCY = { type: 'object', additionalProperties: { $ref: '#/components/schemas/DependencyStatusDto' } } as const;

/** @nestjs/terminus's answer: 200 with status 'ok' when every dependency is up, 503 with status 'error' otherwise. */
export class ReadinessDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] }) status: 'ok' | 'error' | 'shutting_down';
  @ApiPropertyOptional({ ...BY_DEPENDENCY, description: 'The dependencies that are up (database, queue)' }) info?: Record<string, DependencyStatusDto>;
  @ApiPropertyOptional({ ...BY_DEPENDENCY, description: 'The dependencies that are down' }) error?: Record<string, DependencyStatusDto>;
  @ApiProperty({ ...BY_DEPENDENCY, description: 'Every dependency checked' }) details: Record<string, DependencyStatusDto>;
}
