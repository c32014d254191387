import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { DataSource } from 'typeorm';
import { ClientsModule } from '../clients/clients.module.js';
import { GrantsModule } from '../grants/grants-core.module.js';
import { IdentityConfig } from '../identity.config.js';
import { FormTokens } from '../pages/form-token.js';
import { FORM_TOKENS } from '../pages/form-tokens.provider.js';
import { PasskeysModule } from '../passkeys/passkeys.module.js';
import { SigningKeys } from '../signing-keys/application/signing-keys.js';
import { resolveIdentitySecret } from '../signing-keys/infrastructure/identity-secret.js';
import { KeySealer } from '../signing-keys/infrastructure/key-sealing.js';
import { SigningKeyStore } from '../signing-keys/infrastructure/signing-key.store.js';
import { InteractionController } from './infrastructure/interaction.controller.js';
import {
  COOKIE_KEYS,
  OidcProviderHost,
  SIGNING_KEYS,
} from './infrastructure/oidc-provider.host.js';

/** Retired keys stay published this much longer than the longest token they signed. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The OpenID Provider with its signing keys, sealed under the identity secret
 * (IDENTITY_KEY_SECRET, or DATA_DIR/identity-key made on first start).
 */
@Module({
  imports: [AccountsModule, ClientsModule, PasskeysModule, GrantsModule],
  controllers: [InteractionController],
  providers: [
    {
      provide: KeySealer,
      inject: [IdentityConfig],
      useFactory: async (config: IdentityConfig) =>
        new KeySealer(await resolveIdentitySecret(config)),
    },
    {
      provide: COOKIE_KEYS,
      inject: [KeySealer],
      useFactory: (sealer: KeySealer) => sealer.cookieKeys(),
    },
    {
      provide: SIGNING_KEYS,
      inject: [DataSource, KeySealer, IdentityConfig],
      useFactory: (dataSource: DataSource, sealer: KeySealer, config: IdentityConfig) =>
        new SigningKeys(new SigningKeyStore(dataSource), sealer, {
          rotateAfterMs: config.IDENTITY_KEY_ROTATION_DAYS * 24 * 3600_000,
          announceMs: config.IDENTITY_KEY_ANNOUNCE_MINUTES * 60_000,
          keepRetiredMs:
            Math.max(
              config.IDENTITY_ACCESS_TOKEN_TTL_SECONDS,
              config.IDENTITY_ID_TOKEN_TTL_SECONDS,
            ) *
              1000 +
            CLOCK_SKEW_MS,
        }),
    },
    {
      provide: FORM_TOKENS,
      inject: [COOKIE_KEYS],
      useFactory: (keys: string[]) => new FormTokens(keys),
    },
    OidcProviderHost,
  ],
  exports: [OidcProviderHost, FORM_TOKENS],
})
export class OidcModule {}
