import type { ServiceDatabase } from '#libs/database';
import {
  LicenseEntity,
  UseRequestEntity,
  UseRequestItemEntity,
} from './licensing/infrastructure/licensing.entities.js';
import { ApiKeyEntity } from './api-keys/infrastructure/api-key.entity.js';
import { migrations } from './migrations/index.js';
import { SchemeEntity } from './schemes/infrastructure/scheme.entity.js';

export const authorizationDatabase: ServiceDatabase = {
  service: 'authorization',
  schema: 'authorization',
  entities: [SchemeEntity, UseRequestEntity, UseRequestItemEntity, LicenseEntity, ApiKeyEntity],
  migrations,
};
