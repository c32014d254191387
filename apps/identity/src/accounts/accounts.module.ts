import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdentityConfig } from '../identity.config.js';
import { MailModule } from '../mail/mail.module.js';
import { MAILER, type Mailer } from '../mail/mail.port.js';
import { AccountMail } from './application/account-mail.js';
import { FindAccountClaims } from './application/account-claims/account-claims.js';
import { ForgotPassword } from './application/forgot-password/forgot-password.js';
import { ResetPassword } from './application/reset-password/reset-password.js';
import { SignIn } from './application/sign-in/sign-in.js';
import { SignUp } from './application/sign-up/sign-up.js';
import { VerifyEmail } from './application/verify-email/verify-email.js';
import { AccountStore } from './infrastructure/account.store.js';

const useCases = [SignUp, SignIn, ForgotPassword] as const;

/** People's accounts: sign-up, verification, sign-in with lockout, reset, and their claims. */
@Module({
  imports: [MailModule],
  providers: [
    {
      provide: AccountStore,
      inject: [DataSource],
      useFactory: (d: DataSource) => new AccountStore(d),
    },
    {
      provide: AccountMail,
      inject: [MAILER, IdentityConfig],
      useFactory: (mailer: Mailer, config: IdentityConfig) =>
        new AccountMail(mailer, new URL(config.issuer).origin),
    },
    ...useCases.map((useCase) => ({
      provide: useCase,
      inject: [AccountStore, AccountMail],
      useFactory: (store: AccountStore, mail: AccountMail) => new useCase(store, mail),
    })),
    ...[VerifyEmail, ResetPassword, FindAccountClaims].map((useCase) => ({
      provide: useCase,
      inject: [AccountStore],
      useFactory: (store: AccountStore) => new useCase(store),
    })),
  ],
  exports: [
    SignUp,
    SignIn,
    ForgotPassword,
    VerifyEmail,
    ResetPassword,
    FindAccountClaims,
    AccountStore,
    AccountMail,
  ],
})
export class AccountsModule {}
