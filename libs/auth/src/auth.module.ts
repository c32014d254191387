import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CallerGuard } from './caller.guard.js';
import { resolveTokens, type TokenSettings } from './token-secret.js';
import { Tokens } from './tokens.js';

/** Token verification and the guard checking every query and mutation of the service. */
@Module({})
export class AuthModule {
  static forRoot(settings: TokenSettings): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: Tokens, useFactory: () => resolveTokens(settings) },
        { provide: APP_GUARD, useClass: CallerGuard },
      ],
      exports: [Tokens],
    };
  }
}
