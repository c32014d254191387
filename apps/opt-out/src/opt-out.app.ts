import { OptOutConfig } from '#libs/config';
import { defineService } from '#libs/runtime';
import { optOutDatabase } from './opt-out.database.js';
import { OptOutModule } from './opt-out.module.js';

export const optOutApp = defineService<OptOutConfig>({
  name: 'opt-out',
  configClass: OptOutConfig,
  database: optOutDatabase,
  module: (context) => OptOutModule.forRoot(context),
});
