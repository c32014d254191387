// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import type { MigrationInterface } from 'typeorm';
import { CreateMessagingTables1764000000001 } from './1764000000001-CreateMessagingTables.js';
import { CreateDistribution1795563051897 } from './1795563051897-CreateDistribution.js';
import { DropUnusedCountedLines1795574925336 } from './1795574925336-DropUnusedCountedLines.js';
import { MatchUsageTitles1796043488312 } from './1796043488312-MatchUsageTitles.js';
import { ListStatementsAndClaims1796068674653 } from './1796068674653-ListStatementsAndClaims.js';

export const migrations: (new () => MigrationInterface)[] = [
  CreateMessagingTables1764000000001,
  CreateDistribution1795563051897,
  DropUnusedCountedLines1795574925336,
  MatchUsageTitles1796043488312,
  ListStatementsAndClaims1796068674653,
];
