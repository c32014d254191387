import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '#libs/runtime';
import { ClientManagerAuthenticator } from '../clients/http/client-manager.authenticator.js';
import { IdentityConfig } from '../identity.config.js';
import { MailModule } from '../mail/mail.module.js';
import { MAILER, type Mailer } from '../mail/mail.port.js';
import { SendNotice } from './application/send-notice/send-notice.js';
import { NoticesController } from './http/notices.controller.js';
import { MailPreferenceStore } from './infrastructure/mail-preference.store.js';
import { NoticeStore } from './infrastructure/notice.store.js';

/**
 * Notices mailed to people: what each person chose (language, kinds), and the route the
 * notifications app sends a party's notices to (`POST /internal/notices`).
 */
@Module({
  imports: [MailModule],
  controllers: [NoticesController],
  providers: [
    ClientManagerAuthenticator,
    {
      provide: MailPreferenceStore,
      inject: [DataSource],
      useFactory: (d: DataSource) => new MailPreferenceStore(d),
    },
    {
      provide: NoticeStore,
      inject: [DataSource],
      useFactory: (d: DataSource) => new NoticeStore(d),
    },
    {
      provide: SendNotice,
      inject: [NoticeStore, MAILER, IdentityConfig, LOGGER],
      useFactory: (store: NoticeStore, mailer: Mailer, config: IdentityConfig, logger: Logger) =>
        new SendNotice(
          store,
          mailer,
          new URL(config.issuer).origin,
          logger.child({ component: 'notices' }),
        ),
    },
  ],
  exports: [MailPreferenceStore],
})
export class NoticesModule {}
