import { Global, Module, type DynamicModule } from '@nestjs/common';
import { loadConfig, type MasarConfig } from './config';

export const MASAR_CONFIG = Symbol('MASAR_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  /** Pass a config to share one validated object (tests, or a process that already loaded it). */
  static forRoot(config: MasarConfig = loadConfig()): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: MASAR_CONFIG, useValue: config }],
      exports: [MASAR_CONFIG],
    };
  }
}
