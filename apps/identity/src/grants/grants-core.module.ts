import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACTING_GRANTS } from '../oidc/infrastructure/oidc-provider.host.js';
import { ActingGrants } from './act-as/acting-grants.js';
import { GrantStore } from './infrastructure/grant.store.js';

/** Grants and the grant each sign-in acts as: what the provider reads for people's tokens. */
@Module({
  providers: [
    { provide: GrantStore, inject: [DataSource], useFactory: (d: DataSource) => new GrantStore(d) },
    {
      provide: ActingGrants,
      inject: [GrantStore],
      useFactory: (store: GrantStore) => new ActingGrants(store),
    },
    { provide: ACTING_GRANTS, useExisting: ActingGrants },
  ],
  exports: [GrantStore, ActingGrants, ACTING_GRANTS],
})
export class GrantsModule {}
