import type { Language } from '../accounts/domain/language.js';

/** The mails the accounts send. */
export enum MailKind {
  VERIFY_EMAIL = 'verify-email',
  RESET_PASSWORD = 'reset-password',
  ALREADY_REGISTERED = 'already-registered',
  PASSWORD_CHANGED = 'password-changed',
  PASSKEY_ADDED = 'passkey-added',
  PASSKEY_REMOVED = 'passkey-removed',
  SECOND_FACTOR_ON = 'second-factor-on',
  SECOND_FACTOR_OFF = 'second-factor-off',
}

interface MailText {
  subject: string;
  body: (link: string) => string;
}

/** The line every mail ends with. */
export const SIGNATURE = {
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
  [MailKind.PASSKEY_ADDED]: {
    ja: {
      subject: 'パスキーが追加されました',
      body: (link) =>
        `あなたのアカウントにパスキーが追加されました。このパスキーでログインできます。\n\nアカウントの状態は次のページで確認できます。\n\n${link}\n\n心当たりがない場合は、すぐにそのパスキーを削除し、「パスワードを忘れた場合」からパスワードを再設定してください。`,
    },
    en: {
      subject: 'A passkey was added to your account',
      body: (link) =>
        `A passkey was added to your account: it can be used to sign in.\n\nYou can see your account here:\n\n${link}\n\nIf it was not you, remove that passkey at once and choose a new password with "Forgot your password?".`,
    },
  },
  [MailKind.PASSKEY_REMOVED]: {
    ja: {
      subject: 'パスキーが削除されました',
      body: (link) =>
        `あなたのアカウントからパスキーが削除されました。最後のパスキーだった場合、二要素認証もオフになりました。\n\nアカウントの状態は次のページで確認できます。\n\n${link}\n\n心当たりがない場合は、すぐに「パスワードを忘れた場合」からパスワードを再設定してください。`,
    },
    en: {
      subject: 'A passkey was removed from your account',
      body: (link) =>
        `A passkey was removed from your account. If it was the last one, two-step sign-in is off too.\n\nYou can see your account here:\n\n${link}\n\nIf it was not you, choose a new password at once with "Forgot your password?".`,
    },
  },
  [MailKind.SECOND_FACTOR_ON]: {
    ja: {
      subject: '二要素認証がオンになりました',
      body: (link) =>
        `あなたのアカウントで二要素認証がオンになりました。パスワードでログインするときに、パスキーも求められます。\n\nアカウントの状態は次のページで確認できます。\n\n${link}\n\n心当たりがない場合は、すぐに「パスワードを忘れた場合」からパスワードを再設定してください。`,
    },
    en: {
      subject: 'Two-step sign-in is on',
      body: (link) =>
        `Two-step sign-in is now on for your account: signing in with the password also asks for a passkey.\n\nYou can see your account here:\n\n${link}\n\nIf it was not you, choose a new password at once with "Forgot your password?".`,
    },
  },
  [MailKind.SECOND_FACTOR_OFF]: {
    ja: {
      subject: '二要素認証がオフになりました',
      body: (link) =>
        `あなたのアカウントで二要素認証がオフになりました。パスワードだけでログインできます。\n\nアカウントの状態は次のページで確認できます。\n\n${link}\n\n心当たりがない場合は、すぐに「パスワードを忘れた場合」からパスワードを再設定し、二要素認証をオンに戻してください。`,
    },
    en: {
      subject: 'Two-step sign-in is off',
      body: (link) =>
        `Two-step sign-in is now off for your account: the password alone signs in.\n\nYou can see your account here:\n\n${link}\n\nIf it was not you, choose a new password at once with "Forgot your password?" and turn two-step sign-in back on.`,
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
