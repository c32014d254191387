import { AuthorizationConfig } from '#libs/config';
import { defineService } from '#libs/runtime';
import { authorizationDatabase } from './authorization.database.js';
import { AuthorizationModule } from './authorization.module.js';

export const authorizationApp = defineService<AuthorizationConfig>({
  name: 'authorization',
  configClass: AuthorizationConfig,
  database: authorizationDatabase,
  module: (context) => AuthorizationModule.forRoot(context),
});
