import { NotificationsConfig } from '#libs/config';
import { defineService } from '#libs/runtime';
import { notificationsDatabase } from './notifications.database.js';
import { NotificationsModule } from './notifications.module.js';

export const notificationsApp = defineService<NotificationsConfig>({
  name: 'notifications',
  configClass: NotificationsConfig,
  database: notificationsDatabase,
  module: (context) => NotificationsModule.forRoot(context),
});
