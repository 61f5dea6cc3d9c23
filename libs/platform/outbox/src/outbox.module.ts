import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessage } from './outbox-message.entity';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';

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
      providers: [Outbox, OutboxRelay],
      exports: [Outbox, OutboxRelay],
    };
  }
}
