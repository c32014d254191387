import type { ServiceDatabase } from '#libs/database';
import {
  BatchCellEntity,
  BatchCellUseEntity,
  BatchEntity,
  BatchExceptionEntity,
  BatchReportEntity,
} from './batches/infrastructure/batch.entities.js';
import { migrations } from './migrations/index.js';
import { ClaimEntity, ReserveEntity } from './reserves/infrastructure/reserve.entities.js';
import {
  UsageLineEntity,
  UsageRejectionEntity,
  UsageReportEntity,
} from './usage/infrastructure/usage.entities.js';
import { LicenseRecord, SchemeRecord } from './views/infrastructure/licensing-view.entities.js';

export const royaltyDistributionDatabase: ServiceDatabase = {
  service: 'royalty-distribution',
  schema: 'royalty_distribution',
  entities: [
    LicenseRecord,
    SchemeRecord,
    UsageReportEntity,
    UsageLineEntity,
    UsageRejectionEntity,
    BatchEntity,
    BatchReportEntity,
    BatchCellUseEntity,
    BatchCellEntity,
    BatchExceptionEntity,
    ReserveEntity,
    ClaimEntity,
  ],
  migrations,
};
