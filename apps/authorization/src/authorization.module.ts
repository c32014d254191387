import { type DynamicModule, Module } from '@nestjs/common';
import type { AuthorizationConfig } from '#libs/config';
import { Topics } from '#libs/contracts';
import { serviceInfrastructure, type ServiceContext } from '#libs/runtime';
import { RegistryViewModule } from '#libs/registry-view';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { authorizationDatabase } from './authorization.database.js';
import { LicensingModule } from './licensing/licensing.module.js';
import { SchemesModule } from './schemes/schemes.module.js';

/** ECL schemes and tariffs, use requests, decisions and licenses. */
@Module({})
export class AuthorizationModule {
  static forRoot(context: ServiceContext<AuthorizationConfig>): DynamicModule {
    return {
      module: AuthorizationModule,
      imports: [
        ...serviceInfrastructure(context, {
          database: authorizationDatabase,
          produces: [Topics.authorizationScheme, Topics.authorizationLicense],
          infoQuery: 'authorizationInfo',
          partiesTable: 'rv_parties',
        }),
        RegistryViewModule.forService({
          schema: 'authorization',
          consumer: 'authorization.registry-view',
          global: true,
          titleSearch: true,
        }),
        SchemesModule,
        LicensingModule,
        ApiKeysModule,
      ],
    };
  }
}
