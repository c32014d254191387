import 'reflect-metadata';
import { runServiceProcess } from '#libs/runtime';
import { optOutApp } from './opt-out.app.js';

await runServiceProcess(optOutApp);
