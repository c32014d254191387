import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountsModule } from '../accounts/accounts.module.js';
import { SignIn } from '../accounts/application/sign-in/sign-in.js';
import { GrantsHttpModule } from '../grants/grants.module.js';
import { RegistryClient } from '../grants/infrastructure/registry.client.js';
import { IdentityConfig } from '../identity.config.js';
import { MailModule } from '../mail/mail.module.js';
import { OidcModule } from '../oidc/oidc.module.js';
import { AcceptInvitation } from './accept-invitation/accept-invitation.js';
import { InvitationPageController } from './accept-invitation/invitation-page.controller.js';
import { CreateInvitationController } from './create-invitation/create-invitation.controller.js';
import { CreateInvitationHandler } from './create-invitation/create-invitation.handler.js';
import { InvitationStore } from './infrastructure/invitation.store.js';
import { ListInvitationsController } from './list-invitations/list-invitations.controller.js';
import { WithdrawInvitationController } from './withdraw-invitation/withdraw-invitation.controller.js';

/**
 * Invitations to grants: sent by the operator, society admins and platform staff
 * (`/v1/invitations`), mailed, accepted on `/account/invitation` by the invited address.
 */
@Module({
  imports: [AccountsModule, GrantsHttpModule, MailModule, OidcModule],
  controllers: [
    CreateInvitationController,
    ListInvitationsController,
    WithdrawInvitationController,
    InvitationPageController,
  ],
  providers: [
    {
      provide: InvitationStore,
      inject: [DataSource],
      useFactory: (d: DataSource) => new InvitationStore(d),
    },
    {
      provide: AcceptInvitation,
      inject: [DataSource, InvitationStore, SignIn, RegistryClient, IdentityConfig],
      useFactory: (
        d: DataSource,
        store: InvitationStore,
        signIn: SignIn,
        registry: RegistryClient,
        config: IdentityConfig,
      ) => new AcceptInvitation(d, store, signIn, registry, config),
    },
    CreateInvitationHandler,
  ],
})
export class InvitationsModule {}
