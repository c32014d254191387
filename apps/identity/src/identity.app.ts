import { defineService } from '#libs/runtime';
import { IdentityConfig } from './identity.config.js';
import { identityDatabase } from './identity.database.js';
import { IdentityModule } from './identity.module.js';

export const identityApp = defineService<IdentityConfig>({
  name: 'identity',
  configClass: IdentityConfig,
  database: identityDatabase,
  module: (context) => IdentityModule.forRoot(context),
});
