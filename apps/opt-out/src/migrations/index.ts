// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import type { MigrationInterface } from 'typeorm';
import { CreateMessagingTables1764000000001 } from './1764000000001-CreateMessagingTables.js';
import { CreateOptOuts1795559743605 } from './1795559743605-CreateOptOuts.js';

export const migrations: (new () => MigrationInterface)[] = [
  CreateMessagingTables1764000000001,
  CreateOptOuts1795559743605,
];
