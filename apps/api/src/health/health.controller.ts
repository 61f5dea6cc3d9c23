import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { Public } from '@masar/access';
import { DependencyStatusDto, LivenessDto, ReadinessDto } from './health-responses.dto';

@ApiTags('health')
@ApiExtraModels(DependencyStatusDto)
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @InjectQueue('notifications') private readonly queue: Queue,
  ) {}

  /** The process is up. Says nothing of its dependencies: a restart would not help them. */
  @Get('live')
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  /** Ready to serve: the database and the queue backend answer. */
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ type: ReadinessDto, description: 'The database and the queue answer' })
  @ApiServiceUnavailableResponse({ type: ReadinessDto, description: 'A dependency is down (named under error)' })
  ready() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 2000 }), () => this.queueCheck()]);
  }

  private async queueCheck() {
    const indicator = this.indicators.check('queue');
    try {
      await Promise.race([
        this.queue.getJobCounts('waiting'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('queue did not answer within 2000 ms')), 2000)),
      ]);
      return indicator.up();
    } catch (e) {
      return indicator.down({ message: (e as Error).message });
    }
  }
}
