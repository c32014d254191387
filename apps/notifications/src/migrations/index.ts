// Written by `npm run migration:generate`: every migration of this folder, oldest first.
import type { MigrationInterface } from 'typeorm';
import { CreateMessagingTables1764000000001 } from './1764000000001-CreateMessagingTables.js';
import { CreateRegistryView1796080000000 } from './1796080000000-CreateRegistryView.js';
import { CreateWebhooks1796081000284 } from './1796081000284-CreateWebhooks.js';
import { CreateNoticeSources1796081894905 } from './1796081894905-CreateNoticeSources.js';
import { CreateIdempotencyKeys1796082000000 } from './1796082000000-CreateIdempotencyKeys.js';
import { CreateEndpointDeletions1796082406282 } from './1796082406282-CreateEndpointDeletions.js';

export const migrations: (new () => MigrationInterface)[] = [
  CreateMessagingTables1764000000001,
  CreateRegistryView1796080000000,
  CreateWebhooks1796081000284,
  CreateNoticeSources1796081894905,
  CreateIdempotencyKeys1796082000000,
  CreateEndpointDeletions1796082406282,
];
