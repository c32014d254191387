// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import type { MigrationInterface } from 'typeorm';

export const migrations: (new () => MigrationInterface)[] = [];
