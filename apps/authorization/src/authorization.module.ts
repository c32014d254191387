import { type DynamicModule, Module } from '@nestjs/common';
import type { AuthorizationConfig } from '#libs/config';
import { Topics } from '#libs/contracts';
import { serviceInfrastructure, type ServiceContext } from '#libs/runtime';
import { authorizationDatabase } from './authorization.database.js';

/** ECL schemes and tariffs, use requests, decisions and licenses. */
@Module({})
export class AuthorizationModule {
  static forRoot(context: ServiceContext<AuthorizationConfig>): DynamicModule {
    return {
      module: AuthorizationModule,
      imports: serviceInfrastructure(context, {
        database: authorizationDatabase,
        produces: [Topics.authorizationLicense],
        infoQuery: 'authorizationInfo',
      }),
    };
  }
}
