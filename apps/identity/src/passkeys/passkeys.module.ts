import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AccountStore } from '../accounts/infrastructure/account.store.js';
import { IdentityConfig } from '../identity.config.js';
import { ConfirmWithPasskey } from './application/confirm-with-passkey/confirm-with-passkey.js';
import { ManagePasskeys } from './application/manage-passkeys/manage-passkeys.js';
import { PasskeySignIn } from './application/passkey-sign-in/passkey-sign-in.js';
import { RegisterPasskey } from './application/register-passkey/register-passkey.js';
import { relyingPartyOf } from './domain/relying-party.js';
import { PasskeyStore } from './infrastructure/passkey.store.js';

/** Passkeys (WebAuthn): added on the account page, used to sign in alone or after a password. */
@Module({
  imports: [AccountsModule],
  providers: [
    {
      provide: PasskeyStore,
      inject: [DataSource],
      useFactory: (d: DataSource) => new PasskeyStore(d),
    },
    {
      provide: RegisterPasskey,
      inject: [PasskeyStore, AccountStore, IdentityConfig],
      useFactory: (p: PasskeyStore, a: AccountStore, c: IdentityConfig) =>
        new RegisterPasskey(p, a, relyingPartyOf(c.issuer)),
    },
    {
      provide: PasskeySignIn,
      inject: [PasskeyStore, AccountStore, IdentityConfig],
      useFactory: (p: PasskeyStore, a: AccountStore, c: IdentityConfig) =>
        new PasskeySignIn(p, a, relyingPartyOf(c.issuer)),
    },
    {
      provide: ConfirmWithPasskey,
      inject: [PasskeyStore, AccountStore, IdentityConfig],
      useFactory: (p: PasskeyStore, a: AccountStore, c: IdentityConfig) =>
        new ConfirmWithPasskey(p, a, relyingPartyOf(c.issuer)),
    },
    {
      provide: ManagePasskeys,
      inject: [PasskeyStore, AccountStore],
      useFactory: (p: PasskeyStore, a: AccountStore) => new ManagePasskeys(p, a),
    },
  ],
  exports: [RegisterPasskey, PasskeySignIn, ManagePasskeys, ConfirmWithPasskey, PasskeyStore],
})
export class PasskeysModule {}
