import type { ServiceDatabase } from '#libs/database';
import { AccountAuditEntity } from './accounts/infrastructure/account-audit.entity.js';
import { AccountTokenEntity } from './accounts/infrastructure/account-token.entity.js';
import { AccountEntity } from './accounts/infrastructure/account.entity.js';
import { SignInThrottleEntity } from './accounts/infrastructure/sign-in-throttle.entity.js';
import { ClientAuditEntity } from './clients/infrastructure/client-audit.entity.js';
import { ClientSecretEntity } from './clients/infrastructure/client-secret.entity.js';
import { PlatformClientEntity } from './clients/infrastructure/platform-client.entity.js';
import { ActingGrantEntity } from './grants/infrastructure/acting-grant.entity.js';
import { GrantEntity } from './grants/infrastructure/grant.entity.js';
import { InvitationEntity } from './invitations/infrastructure/invitation.entity.js';
import { migrations } from './migrations/index.js';
import { MailPreferenceEntity } from './notices/infrastructure/mail-preference.entity.js';
import { NoticeDeliveryEntity } from './notices/infrastructure/notice-delivery.entity.js';
import { PasskeyEntity } from './passkeys/infrastructure/passkey.entity.js';
import { WebauthnChallengeEntity } from './passkeys/infrastructure/webauthn-challenge.entity.js';
import { OidcRecordEntity } from './oidc/infrastructure/oidc-record.entity.js';
import { SigningKeyEntity } from './signing-keys/infrastructure/signing-key.entity.js';

export const identityDatabase: ServiceDatabase = {
  service: 'identity',
  schema: 'identity',
  entities: [
    OidcRecordEntity,
    SigningKeyEntity,
    AccountEntity,
    AccountTokenEntity,
    SignInThrottleEntity,
    AccountAuditEntity,
    PlatformClientEntity,
    ClientSecretEntity,
    ClientAuditEntity,
    PasskeyEntity,
    WebauthnChallengeEntity,
    GrantEntity,
    ActingGrantEntity,
    InvitationEntity,
    MailPreferenceEntity,
    NoticeDeliveryEntity,
  ],
  migrations,
};
