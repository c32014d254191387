import { RightsRegistryConfig } from '#libs/config';
import type { ServiceDefinition } from '#libs/runtime';
import { rightsRegistryDatabase } from './rights-registry.database.js';
import { RightsRegistryModule } from './rights-registry.module.js';

export const rightsRegistryApp: ServiceDefinition<RightsRegistryConfig> = {
  name: 'rights-registry',
  configClass: RightsRegistryConfig,
  database: rightsRegistryDatabase,
  module: (context) => RightsRegistryModule.forRoot(context),
};
