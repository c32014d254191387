import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountStore } from '../accounts/infrastructure/account.store.js';
import { OidcModule } from '../oidc/oidc.module.js';
import { GrantsModule } from './grants-core.module.js';
import { PersonAuthenticator } from './http/person.authenticator.js';
import { RegistryClient } from './infrastructure/registry.client.js';
import { ListGrantsController } from './list-grants/list-grants.controller.js';
import { RegisterRightHolderController } from './register-right-holder/register-right-holder.controller.js';
import { RegisterRightHolderHandler } from './register-right-holder/register-right-holder.handler.js';
import { RevokeGrantController } from './revoke-grant/revoke-grant.controller.js';
import { RevokeGrantHandler } from './revoke-grant/revoke-grant.handler.js';

/**
 * People's grants over HTTP: `GET /v1/me/grants`, `DELETE /v1/grants/:id` and the self-service
 * right holder (`POST /v1/me/right-holder`, registering the party in the rights registry).
 */
@Module({
  imports: [GrantsModule, OidcModule],
  controllers: [ListGrantsController, RevokeGrantController, RegisterRightHolderController],
  providers: [
    {
      provide: AccountStore,
      inject: [DataSource],
      useFactory: (d: DataSource) => new AccountStore(d),
    },
    PersonAuthenticator,
    RegistryClient,
    RevokeGrantHandler,
    RegisterRightHolderHandler,
  ],
  exports: [GrantsModule, PersonAuthenticator, RegistryClient],
})
export class GrantsHttpModule {}
