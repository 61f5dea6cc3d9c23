import { BullModule } from '@nestjs/bullmq';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS, QUEUES } from './job-catalogue';
import type { QueueBackend } from './queue-backend';

export const QUEUE_BACKEND = Symbol('QUEUE_BACKEND');

/** Registers every queue of the catalogue on the configured backend. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(backend: QueueBackend): DynamicModule {
    const queues = BullModule.registerQueue(...QUEUES.map((name) => ({ name })));
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({ connection: backend.connection, prefix: backend.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
        queues,
      ],
      providers: [{ provide: QUEUE_BACKEND, useValue: backend }],
      exports: [QUEUE_BACKEND, queues],
    };
  }
}
