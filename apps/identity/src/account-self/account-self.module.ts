import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountMail } from '../accounts/application/account-mail.js';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AccountStore } from '../accounts/infrastructure/account.store.js';
import { OidcModule } from '../oidc/oidc.module.js';
import { ConfirmWithPasskey } from '../passkeys/application/confirm-with-passkey/confirm-with-passkey.js';
import { PasskeysModule } from '../passkeys/passkeys.module.js';
import { PasskeyStore } from '../passkeys/infrastructure/passkey.store.js';
import { ChangeLanguage } from './application/change-language/change-language.js';
import { ChangeMailPreferences } from './application/change-mail-preferences/change-mail-preferences.js';
import { ChangePassword } from './application/change-password/change-password.js';
import { DeleteAccount } from './application/delete-account/delete-account.js';
import { PersonalData } from './application/personal-data/personal-data.js';
import { ChangeSignInMethods } from './application/sign-in-methods/sign-in-methods.js';
import { ManagePasskeys } from '../passkeys/application/manage-passkeys/manage-passkeys.js';
import { RegisterPasskey } from '../passkeys/application/register-passkey/register-passkey.js';
import { AccountController } from './http/account.controller.js';
import { MeController } from './http/me.controller.js';
import { PersonAuthenticator } from './http/person.authenticator.js';
import { SignedIn } from './http/signed-in.js';
import { AccountSelfStore } from './infrastructure/account-self.store.js';
import { GrantsHttpModule } from '../grants/grants.module.js';
import { GrantStore } from '../grants/infrastructure/grant.store.js';
import { MailPreferenceStore } from '../notices/infrastructure/mail-preference.store.js';
import { NoticesModule } from '../notices/notices.module.js';

/**
 * The signed-in person's own account: the account page (`/account`) on the provider's
 * session, and the same data for the portal with the person's token (`/v1/me`).
 */
@Module({
  imports: [AccountsModule, OidcModule, PasskeysModule, GrantsHttpModule, NoticesModule],
  controllers: [AccountController, MeController],
  providers: [
    SignedIn,
    PersonAuthenticator,
    {
      provide: AccountSelfStore,
      inject: [DataSource],
      useFactory: (d: DataSource) => new AccountSelfStore(d),
    },
    {
      provide: PersonalData,
      inject: [AccountSelfStore, AccountStore, PasskeyStore, GrantStore, MailPreferenceStore],
      useFactory: (
        s: AccountSelfStore,
        a: AccountStore,
        p: PasskeyStore,
        g: GrantStore,
        m: MailPreferenceStore,
      ) => new PersonalData(s, a, p, g, m),
    },
    {
      provide: ChangeMailPreferences,
      inject: [MailPreferenceStore, AccountStore],
      useFactory: (m: MailPreferenceStore, a: AccountStore) => new ChangeMailPreferences(m, a),
    },
    {
      provide: ChangePassword,
      inject: [AccountSelfStore, AccountStore, AccountMail],
      useFactory: (s: AccountSelfStore, a: AccountStore, m: AccountMail) =>
        new ChangePassword(s, a, m),
    },
    {
      provide: ChangeLanguage,
      inject: [AccountSelfStore, AccountStore],
      useFactory: (s: AccountSelfStore, a: AccountStore) => new ChangeLanguage(s, a),
    },
    {
      provide: ChangeSignInMethods,
      inject: [AccountStore, RegisterPasskey, ManagePasskeys, AccountMail],
      useFactory: (a: AccountStore, r: RegisterPasskey, p: ManagePasskeys, m: AccountMail) =>
        new ChangeSignInMethods(a, r, p, m),
    },
    {
      provide: DeleteAccount,
      inject: [AccountSelfStore, AccountStore, ConfirmWithPasskey],
      useFactory: (s: AccountSelfStore, a: AccountStore, c: ConfirmWithPasskey) =>
        new DeleteAccount(s, a, c),
    },
  ],
})
export class AccountSelfModule {}
