import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CallerGuard } from './caller.guard.js';
import { resolveTokenSecret } from './token-secret.js';
import { Tokens } from './tokens.js';

/** Token verification and the guard checking every query and mutation of the service. */
@Module({})
export class AuthModule {
  static forRoot(settings: {
    AUTH_JWT_SECRET: string | undefined;
    DATA_DIR: string;
  }): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: Tokens, useFactory: async () => new Tokens(await resolveTokenSecret(settings)) },
        { provide: APP_GUARD, useClass: CallerGuard },
      ],
      exports: [Tokens],
    };
  }
}
