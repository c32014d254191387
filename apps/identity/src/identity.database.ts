import type { ServiceDatabase } from '#libs/database';
import { ClientAuditEntity } from './clients/infrastructure/client-audit.entity.js';
import { ClientSecretEntity } from './clients/infrastructure/client-secret.entity.js';
import { PlatformClientEntity } from './clients/infrastructure/platform-client.entity.js';
import { migrations } from './migrations/index.js';
import { OidcRecordEntity } from './oidc/infrastructure/oidc-record.entity.js';
import { SigningKeyEntity } from './signing-keys/infrastructure/signing-key.entity.js';

export const identityDatabase: ServiceDatabase = {
  service: 'identity',
  schema: 'identity',
  entities: [
    OidcRecordEntity,
    SigningKeyEntity,
    PlatformClientEntity,
    ClientSecretEntity,
    ClientAuditEntity,
  ],
  migrations,
};
