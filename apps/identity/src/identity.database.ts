import type { ServiceDatabase } from '#libs/database';
import { migrations } from './migrations/index.js';
import { OidcRecordEntity } from './oidc/infrastructure/oidc-record.entity.js';
import { SigningKeyEntity } from './signing-keys/infrastructure/signing-key.entity.js';

export const identityDatabase: ServiceDatabase = {
  service: 'identity',
  schema: 'identity',
  entities: [OidcRecordEntity, SigningKeyEntity],
  migrations,
};
