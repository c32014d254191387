// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import type { MigrationInterface } from 'typeorm';
import { CreateMessagingTables1764000000001 } from './1764000000001-CreateMessagingTables.js';
import { CreateRegistry1795555941799 } from './1795555941799-CreateRegistry.js';
import { CreateIdempotencyKeys1795600000000 } from './1795600000000-CreateIdempotencyKeys.js';
import { DisputeOpenersAndAnswers1796033670961 } from './1796033670961-DisputeOpenersAndAnswers.js';
import { CreateMembershipOffers1796033926019 } from './1796033926019-CreateMembershipOffers.js';
import { CreateWorkMatchKeys1796100000000 } from './1796100000000-CreateWorkMatchKeys.js';
import { RenormalizeTitles1796110000000 } from './1796110000000-RenormalizeTitles.js';

export const migrations: (new () => MigrationInterface)[] = [
  CreateMessagingTables1764000000001,
  CreateRegistry1795555941799,
  CreateIdempotencyKeys1795600000000,
  DisputeOpenersAndAnswers1796033670961,
  CreateMembershipOffers1796033926019,
  CreateWorkMatchKeys1796100000000,
  RenormalizeTitles1796110000000,
];
