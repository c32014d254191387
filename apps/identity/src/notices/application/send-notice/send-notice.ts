import type { Logger } from 'pino';
import { ACCOUNT_PATH } from '../../../accounts/application/account-mail.js';
import type { Mailer } from '../../../mail/mail.port.js';
import { noticeText } from '../../../mail/notice-texts.js';
import { mailPreferencesOf } from '../../domain/mail-preferences.js';
import {
  assertMaySendNotices,
  NoticeError,
  NoticeErrorCode,
  parseNotice,
  type NoticeSender,
} from '../../domain/notice.js';
import type { NoticeStore } from '../../infrastructure/notice.store.js';

/**
 * Mails a party's notice to each person who acts for it (an active grant, a verified address)
 * and wants that kind, in their language, once per person whatever the retries. Answers how
 * many people it reached: those mailed now and those mailed before.
 */
export class SendNotice {
  constructor(
    private readonly store: NoticeStore,
    private readonly mailer: Mailer,
    /** The origin the portal and the account page are reached at (the issuer's). */
    private readonly origin: string,
    private readonly logger: Logger,
  ) {}

  async execute(sender: NoticeSender, body: unknown): Promise<{ recipients: number }> {
    assertMaySendNotices(sender);
    const notice = parseNotice(body);
    const page = new URL(notice.params.path, this.origin);
    if (page.origin !== new URL(this.origin).origin) {
      throw new NoticeError(
        NoticeErrorCode.INVALID_REQUEST,
        'params.path must be a path of the portal',
      );
    }
    let sent = 0;
    for (const recipient of await this.store.recipients(notice.partyId)) {
      const preferences = mailPreferencesOf(recipient.preferences, recipient.accountLanguage);
      if (!preferences.kinds[notice.kind]) continue;
      const settings = new URL(ACCOUNT_PATH, this.origin);
      settings.searchParams.set('lang', preferences.language);
      settings.hash = 'notices-heading';
      const mail = noticeText(notice, preferences.language, {
        page: page.href,
        settings: settings.href,
      });
      const delivered = await this.store.deliverOnce(notice.noticeId, recipient.accountId, () =>
        this.mailer.send({ to: recipient.email, ...mail, link: page.href }).catch((error) => {
          // The mail server's error may quote the address: only its kind is kept.
          this.logger.warn(
            { noticeId: notice.noticeId, error: (error as Error).name },
            'a notice could not be mailed',
          );
          throw new NoticeError(
            NoticeErrorCode.MAIL_UNAVAILABLE,
            'the mail server did not take the notice: send it again later (nobody is mailed twice)',
          );
        }),
      );
      if (delivered) sent += 1;
    }
    const recipients = await this.store.deliveries(notice.noticeId);
    this.logger.info(
      { noticeId: notice.noticeId, kind: notice.kind, sent, recipients },
      'notice mailed',
    );
    return { recipients };
  }
}
