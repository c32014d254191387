import 'reflect-metadata';
import { runServiceProcess } from '#libs/runtime';
import { identityApp } from './identity.app.js';

await runServiceProcess(identityApp);
