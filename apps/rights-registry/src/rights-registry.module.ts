import { type DynamicModule, Module } from '@nestjs/common';
import type { RightsRegistryConfig } from '#libs/config';
import { serviceInfrastructure, type ServiceContext } from '#libs/runtime';
import { rightsRegistryDatabase } from './rights-registry.database.js';

/** Parties, works, identifiers, shares over time and disputes. */
@Module({})
export class RightsRegistryModule {
  static forRoot(context: ServiceContext<RightsRegistryConfig>): DynamicModule {
    return {
      module: RightsRegistryModule,
      imports: serviceInfrastructure(context, {
        database: rightsRegistryDatabase,
        infoQuery: 'rightsRegistryInfo',
      }),
    };
  }
}
