import { type DynamicModule, Module } from '@nestjs/common';

/** Provides the process's validated configuration, injectable by its class. */
@Module({})
export class ConfigModule {
  static forRoot(config: object): DynamicModule {
    const token = config.constructor;
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: token, useValue: config }],
      exports: [token],
    };
  }
}
