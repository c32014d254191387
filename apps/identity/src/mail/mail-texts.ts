import type { Language } from '../accounts/domain/language.js';

/** The mails the accounts send. */
export enum MailKind {
  VERIFY_EMAIL = 'verify-email',
  RESET_PASSWORD = 'reset-password',
  ALREADY_REGISTERED = 'already-registered',
  PASSWORD_CHANGED = 'password-changed',
}

interface MailText {
  subject: string;
  body: (link: string) => string;
}

const SIGNATURE = {
  ja: '著作権拡大集中許諾クリアリングハウス',
  en: 'The copyright licensing clearinghouse',
};

const TEXTS: Record<MailKind, Record<Language, MailText>> = {
  [MailKind.VERIFY_EMAIL]: {
    ja: {
      subject: 'メールアドレスの確認',
      body: (link) =>
        `アカウントの登録ありがとうございます。\n\n次のリンクを開いて、このメールアドレスを確認してください（24時間有効）。\n\n${link}\n\n心当たりがない場合は、このメールを無視してください。`,
    },
    en: {
      subject: 'Confirm your e-mail address',
      body: (link) =>
        `Thank you for creating an account.\n\nOpen this link to confirm your e-mail address (it works for 24 hours):\n\n${link}\n\nIf you did not create an account, ignore this mail.`,
    },
  },
  [MailKind.RESET_PASSWORD]: {
    ja: {
      subject: 'パスワードの再設定',
      body: (link) =>
        `パスワードの再設定を受け付けました。\n\n次のリンクを開いて、新しいパスワードを設定してください（1時間有効）。\n\n${link}\n\n心当たりがない場合は、このメールを無視してください。パスワードは変わりません。`,
    },
    en: {
      subject: 'Reset your password',
      body: (link) =>
        `Someone asked to reset the password of your account.\n\nOpen this link to choose a new password (it works for 1 hour):\n\n${link}\n\nIf it was not you, ignore this mail: your password stays as it is.`,
    },
  },
  [MailKind.ALREADY_REGISTERED]: {
    ja: {
      subject: 'このメールアドレスは登録済みです',
      body: (link) =>
        `このメールアドレスでアカウントの登録が申し込まれましたが、すでにアカウントがあります。\n\nパスワードをお忘れの場合は、次のリンクから再設定できます（1時間有効）。\n\n${link}\n\n心当たりがない場合は、このメールを無視してください。`,
    },
    en: {
      subject: 'You already have an account',
      body: (link) =>
        `Someone tried to create an account with this address, which already has one.\n\nIf you forgot your password, you can choose a new one here (it works for 1 hour):\n\n${link}\n\nIf it was not you, ignore this mail.`,
    },
  },
  [MailKind.PASSWORD_CHANGED]: {
    ja: {
      subject: 'パスワードが変更されました',
      body: (link) =>
        `あなたのアカウントのパスワードが変更されました。ほかの端末からはログアウトしました。\n\nアカウントの状態は次のページで確認できます。\n\n${link}\n\n心当たりがない場合は、すぐに「パスワードを忘れた場合」からパスワードを再設定してください。`,
    },
    en: {
      subject: 'Your password was changed',
      body: (link) =>
        `The password of your account was changed, and your other devices were signed out.\n\nYou can see your account here:\n\n${link}\n\nIf it was not you, choose a new password at once with "Forgot your password?".`,
    },
  },
};

/** The subject and text of a mail in the reader's language. */
export function mailText(
  kind: MailKind,
  language: Language,
  link: string,
): { subject: string; text: string } {
  const text = TEXTS[kind][language];
  return { subject: text.subject, text: `${text.body(link)}\n\n${SIGNATURE[language]}\n` };
}
