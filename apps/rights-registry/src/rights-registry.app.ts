import { RightsRegistryConfig } from '#libs/config';
import { defineService } from '#libs/runtime';
import { rightsRegistryDatabase } from './rights-registry.database.js';
import { RightsRegistryModule } from './rights-registry.module.js';

export const rightsRegistryApp = defineService<RightsRegistryConfig>({
  name: 'rights-registry',
  configClass: RightsRegistryConfig,
  database: rightsRegistryDatabase,
  module: (context) => RightsRegistryModule.forRoot(context),
});
