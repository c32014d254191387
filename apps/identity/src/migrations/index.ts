// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import type { MigrationInterface } from 'typeorm';
import { CreateIdentity1796044064273 } from './1796044064273-CreateIdentity.js';

export const migrations: (new () => MigrationInterface)[] = [CreateIdentity1796044064273];
