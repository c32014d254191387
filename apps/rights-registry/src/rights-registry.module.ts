import { type DynamicModule, Module } from '@nestjs/common';
import type { RightsRegistryConfig } from '#libs/config';
import { Topics } from '#libs/contracts';
import { serviceInfrastructure, type ServiceContext } from '#libs/runtime';
import { PartiesModule } from './parties/parties.module.js';
import { rightsRegistryDatabase } from './rights-registry.database.js';
import { WorksModule } from './works/works.module.js';

/** Parties, works, identifiers, shares over time and disputes. */
@Module({})
export class RightsRegistryModule {
  static forRoot(context: ServiceContext<RightsRegistryConfig>): DynamicModule {
    return {
      module: RightsRegistryModule,
      imports: [
        ...serviceInfrastructure(context, {
          database: rightsRegistryDatabase,
          produces: [Topics.registryParty, Topics.registryWork],
          infoQuery: 'rightsRegistryInfo',
          partiesTable: 'parties',
        }),
        PartiesModule,
        WorksModule,
      ],
    };
  }
}
