import 'reflect-metadata';
import { runServiceProcess } from '#libs/runtime';
import { notificationsApp } from './notifications.app.js';

await runServiceProcess(notificationsApp);
