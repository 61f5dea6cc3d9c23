import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessage } from './outbox-message.entity';
import { Outbox } from './outbox';
import { OUTBOX_QUEUES, OutboxRelay } from './outbox-relay';
import { getQueueToken } from '@nestjs/bullmq';
import { QUEUES } from '@masar/queue';

@Global()
@Module({})
export class OutboxModule {
  /** The writer, for every process. */
  static forRoot(): DynamicModule {
    return {
      module: OutboxModule,
      imports: [TypeOrmModule.forFeature([OutboxMessage])],
      providers: [Outbox],
      exports: [Outbox],
    };
  }

  /** The relay, for the worker process only. */
  static withRelay(): DynamicModule {
    return {
      module: OutboxModule,
      imports: [TypeOrmModule.forFeature([OutboxMessage])],
      providers: [
        Outbox,
        OutboxRelay,
        {
          provide: OUTBOX_QUEUES,
          inject: QUEUES.map((q) => getQueueToken(q)),
          useFactory: (...queues: unknown[]) => Object.fromEntries(QUEUES.map((q, i) => [q, queues[i]])),
        },
      ],
      exports: [Outbox, OutboxRelay],
    };
  }
}
