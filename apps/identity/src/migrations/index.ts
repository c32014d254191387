// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import type { MigrationInterface } from 'typeorm';
import { CreateIdentity1796044064273 } from './1796044064273-CreateIdentity.js';
import { CreatePlatformClients1796046445210 } from './1796046445210-CreatePlatformClients.js';
import { CreateAccounts1796130000000 } from './1796130000000-CreateAccounts.js';
import { CreateGrants1796140000000 } from './1796140000000-CreateGrants.js';
import { CreatePasskeys1796150000000 } from './1796150000000-CreatePasskeys.js';
import { CreateMailNotices1796160000000 } from './1796160000000-CreateMailNotices.js';

export const migrations: (new () => MigrationInterface)[] = [
  CreateIdentity1796044064273,
  CreatePlatformClients1796046445210,
  CreateAccounts1796130000000,
  CreateGrants1796140000000,
  CreatePasskeys1796150000000,
  CreateMailNotices1796160000000,
];
