// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import type { MigrationInterface } from 'typeorm';
import { CreateMessagingTables1764000000001 } from './1764000000001-CreateMessagingTables.js';
import { CreateAuthorization1795560591542 } from './1795560591542-CreateAuthorization.js';
import { CreateApiKeys1795565879595 } from './1795565879595-CreateApiKeys.js';
import { MatchTitlesAcrossScripts1796043485236 } from './1796043485236-MatchTitlesAcrossScripts.js';
import { RevocationsForPlatforms1796083586000 } from './1796083586000-RevocationsForPlatforms.js';

export const migrations: (new () => MigrationInterface)[] = [
  CreateMessagingTables1764000000001,
  CreateAuthorization1795560591542,
  CreateApiKeys1795565879595,
  MatchTitlesAcrossScripts1796043485236,
  RevocationsForPlatforms1796083586000,
];
