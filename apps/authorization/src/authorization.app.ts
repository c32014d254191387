import { AuthorizationConfig } from '#libs/config';
import type { ServiceDefinition } from '#libs/runtime';
import { authorizationDatabase } from './authorization.database.js';
import { AuthorizationModule } from './authorization.module.js';

export const authorizationApp: ServiceDefinition<AuthorizationConfig> = {
  name: 'authorization',
  configClass: AuthorizationConfig,
  database: authorizationDatabase,
  module: (context) => AuthorizationModule.forRoot(context),
};
