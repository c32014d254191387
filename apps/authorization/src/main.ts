import 'reflect-metadata';
import { runServiceProcess } from '#libs/runtime';
import { authorizationApp } from './authorization.app.js';

await runServiceProcess(authorizationApp);
