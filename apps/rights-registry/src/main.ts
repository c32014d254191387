import 'reflect-metadata';
import { runServiceProcess } from '#libs/runtime';
import { rightsRegistryApp } from './rights-registry.app.js';

await runServiceProcess(rightsRegistryApp);
