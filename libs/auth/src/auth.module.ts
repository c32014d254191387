import { type DynamicModule, type InjectionToken, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import {
  Authenticator,
  GatewayCredential,
  PARTY_DIRECTORY,
  type PartyDirectory,
} from './authenticator.js';
import { CallerGuard } from './caller.guard.js';
import { resolveSubgraphSecret, resolveTokens, type TokenSettings } from './token-secret.js';
import { Tokens } from './tokens.js';

export interface AuthSettings extends TokenSettings {
  SUBGRAPH_SECRET: string | undefined;
}

/** How the service finds its parties' kinds (from providers available to every module). */
export interface PartyDirectoryFactory {
  useFactory: (...dependencies: never[]) => PartyDirectory;
  inject: InjectionToken[];
}

/** Token verification, the caller of each request and the guard checking every operation. */
@Module({})
export class AuthModule {
  static forRoot(settings: AuthSettings, parties: PartyDirectoryFactory): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: Tokens, useFactory: () => resolveTokens(settings) },
        {
          provide: GatewayCredential,
          useFactory: async () => new GatewayCredential(await resolveSubgraphSecret(settings)),
        },
        { provide: PARTY_DIRECTORY, ...parties },
        Authenticator,
        { provide: APP_GUARD, useClass: CallerGuard },
      ],
      exports: [Tokens, Authenticator, GatewayCredential],
    };
  }
}
