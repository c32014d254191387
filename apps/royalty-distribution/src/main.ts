import 'reflect-metadata';
import { runServiceProcess } from '#libs/runtime';
import { royaltyDistributionApp } from './royalty-distribution.app.js';

await runServiceProcess(royaltyDistributionApp);
