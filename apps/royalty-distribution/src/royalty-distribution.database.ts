import type { ServiceDatabase } from '#libs/database';
import { migrations } from './migrations/index.js';
import {
  UsageLineEntity,
  UsageRejectionEntity,
  UsageReportEntity,
} from './usage/infrastructure/usage.entities.js';
import { LicenseRecord, SchemeRecord } from './views/infrastructure/licensing-view.entities.js';

export const royaltyDistributionDatabase: ServiceDatabase = {
  service: 'royalty-distribution',
  schema: 'royalty_distribution',
  entities: [LicenseRecord, SchemeRecord, UsageReportEntity, UsageLineEntity, UsageRejectionEntity],
  migrations,
};
