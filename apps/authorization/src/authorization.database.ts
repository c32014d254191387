import type { ServiceDatabase } from '#libs/database';
import {
  LicenseEntity,
  UseRequestEntity,
  UseRequestItemEntity,
} from './licensing/infrastructure/licensing.entities.js';
import { migrations } from './migrations/index.js';
import { OptOutRecord } from './opt-out-view/infrastructure/opt-out-record.entity.js';
import { SchemeEntity } from './schemes/infrastructure/scheme.entity.js';

export const authorizationDatabase: ServiceDatabase = {
  service: 'authorization',
  schema: 'authorization',
  entities: [SchemeEntity, OptOutRecord, UseRequestEntity, UseRequestItemEntity, LicenseEntity],
  migrations,
};
