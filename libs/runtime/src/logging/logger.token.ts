import { type DynamicModule, Inject, Module } from '@nestjs/common';
import type { Logger } from 'pino';

/** Injection token of the service's own pino logger. */
export const LOGGER = Symbol('LOGGER');

export const InjectLogger = (): ParameterDecorator => Inject(LOGGER);

/** Makes the service's logger injectable with `@InjectLogger()`. */
@Module({})
export class LoggerModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: LoggerModule,
      global: true,
      providers: [{ provide: LOGGER, useValue: logger }],
      exports: [LOGGER],
    };
  }
}
