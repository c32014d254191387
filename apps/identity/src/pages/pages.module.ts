import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { OidcModule } from '../oidc/oidc.module.js';
import { AccountPagesController } from './account-pages.controller.js';

/** The pages mailed links open (the interaction pages live with the provider). */
@Module({
  imports: [AccountsModule, OidcModule],
  controllers: [AccountPagesController],
})
export class PagesModule {}
