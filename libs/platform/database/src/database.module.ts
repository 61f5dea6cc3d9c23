import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import { DatabaseNotifications } from './database-notifications';
import { PooledQueries } from './pooled-queries';
import { Transactions } from './transactions';

export function dataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    // Errors reach the problem filter and pino; TypeORM's own console logger would print SQL with parameters.
    logging: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5000,
      // A statement that waits longer than this on a lock or a sick server answers an error instead of hanging.
      statement_timeout: 30000,
      idle_in_transaction_session_timeout: 60000,
      application_name: process.env.MASAR_PROCESS ?? 'masar',
    },
  };
}

@Global()
@Module({})
export class DatabaseModule {
  /** The URL must already be resolved (see resolveDatabaseUrl) and stored in config.database.url. */
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [MASAR_CONFIG],
          useFactory: (config: MasarConfig) => ({
            ...dataSourceOptions(requireUrl(config), config.database.poolSize),
            autoLoadEntities: true,
            retryAttempts: 3,
            retryDelay: 1000,
          }),
        }),
      ],
      providers: [Transactions, DatabaseNotifications, PooledQueries],
      exports: [Transactions, DatabaseNotifications, PooledQueries],
    };
  }
}

function requireUrl(config: MasarConfig): string {
  if (!config.database.url) throw new Error('DATABASE_URL is not resolved: call resolveDatabaseUrl() before creating the application');
  return config.database.url;
}
