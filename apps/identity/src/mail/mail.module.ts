import path from 'node:path';
import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '#libs/runtime';
import { IdentityConfig } from '../identity.config.js';
import { FileMailer } from './file.mailer.js';
import { MAILER, type Mailer } from './mail.port.js';
import { SmtpMailer } from './smtp.mailer.js';

/** The mail port: SMTP when MAIL_SMTP_URL is set, else files in DATA_DIR/mail. */
@Module({
  providers: [
    {
      provide: MAILER,
      inject: [IdentityConfig, LOGGER],
      useFactory: (config: IdentityConfig, logger: Logger): Mailer => {
        const mailLogger = logger.child({ component: 'mail' });
        return config.MAIL_SMTP_URL
          ? new SmtpMailer(config.MAIL_SMTP_URL, config.MAIL_FROM, mailLogger)
          : new FileMailer(path.join(config.DATA_DIR, 'mail'), config.MAIL_FROM, mailLogger);
      },
    },
  ],
  exports: [MAILER],
})
export class MailModule {}
