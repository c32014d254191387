import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '#libs/config';
import { DatabaseModule, type TypeOrmLogSink } from '#libs/database';
import {
  DatabaseReadiness,
  HealthModule,
  LoggerModule,
  MetricsModule,
  ServiceMetrics,
  type ServiceContext,
} from '#libs/runtime';
import type { IdentityConfig } from './identity.config.js';
import { ForwardedHeaders } from './forwarding/forwarded-headers.js';
import { identityDatabase } from './identity.database.js';
import { AccountSelfModule } from './account-self/account-self.module.js';
import { GrantsHttpModule } from './grants/grants.module.js';
import { InvitationsModule } from './invitations/invitations.module.js';
import { NoticesModule } from './notices/notices.module.js';
import { OidcModule } from './oidc/oidc.module.js';
import { PagesModule } from './pages/pages.module.js';

/**
 * The identity service: an OpenID Provider with its own schema. Not a GraphQL subgraph (yet):
 * configuration, logging, metrics, its database (migrated on start), health endpoints and the
 * provider under the issuer's path.
 */
@Module({})
export class IdentityModule {
  static forRoot(context: ServiceContext<IdentityConfig>): DynamicModule {
    const { config, databaseUrl, logger } = context;
    return {
      module: IdentityModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(logger),
        MetricsModule.forRoot(new ServiceMetrics(identityDatabase.service)),
        DatabaseModule.forService(identityDatabase, {
          url: databaseUrl,
          poolSize: config.DB_POOL_SIZE,
          logger: withoutParameters(logger.child({ component: 'typeorm' })),
        }),
        HealthModule.forRoot([DatabaseReadiness]),
        OidcModule,
        PagesModule,
        AccountSelfModule,
        GrantsHttpModule,
        InvitationsModule,
        NoticesModule,
      ],
      providers: [ForwardedHeaders],
    };
  }
}

/**
 * The database log without query parameters: this service's parameters are tokens, codes,
 * sessions and sealed keys, which no log may hold (the query text stays).
 */
export function withoutParameters(sink: TypeOrmLogSink): TypeOrmLogSink {
  const strip = (obj: object): object => {
    const {
      parameters: _parameters,
      err,
      ...rest
    } = obj as { parameters?: unknown; err?: unknown };
    // A failed query's error carries its parameters too.
    return err === undefined ? rest : { ...rest, err: withoutErrorParameters(err) };
  };
  return {
    info: (obj, msg) => sink.info(strip(obj), msg),
    warn: (obj, msg) => sink.warn(strip(obj), msg),
    error: (obj, msg) => sink.error(strip(obj), msg),
    debug: (obj, msg) => sink.debug(strip(obj), msg),
  };
}

function withoutErrorParameters(error: unknown): unknown {
  if (!(error instanceof Error) || !('parameters' in error)) return error;
  const copy = new Error(error.message);
  copy.name = error.name;
  copy.stack = error.stack;
  return copy;
}
