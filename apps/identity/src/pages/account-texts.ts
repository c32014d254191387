import type { AccountErrorCode } from '../accounts/domain/account-error.js';
import type { Language } from '../accounts/domain/language.js';
import type { AccountSelfErrorCode } from '../account-self/domain/account-self-rules.js';
import type { NoticeKind } from '../notices/domain/notice.js';
import type { PasskeyErrorCode } from '../passkeys/domain/passkey-rules.js';

/** Why a form of the account page could not be taken. */
export type AccountProblem =
  AccountErrorCode | AccountSelfErrorCode | PasskeyErrorCode | 'form-expired';

/** What the account page says after a change went through. */
export type AccountDone =
  | 'password'
  | 'language'
  | 'passkey-added'
  | 'passkey-renamed'
  | 'passkey-removed'
  | 'second-factor'
  | 'notices';

const JA = {
  title: 'アカウント',
  signOut: 'ログアウト',
  signedOutTitle: 'ログアウトしました',
  signedOutBody: 'この端末でのログインを終了しました。',
  emailHeading: 'メールアドレス',
  grantsHeading: 'あなたの立場',
  noGrants:
    'まだ立場がありません。権利者として登録するか、団体やプラットフォームからの招待を受けると、ここに表示されます。',
  verified: '確認済み',
  notVerified: '未確認',
  created: '作成日',
  languageHeading: '言語',
  languageLabel: 'メールと画面の言語',
  languageButton: '言語を変更',
  noticesHeading: 'メールでのお知らせ',
  noticesIntro:
    'あなたが権利者・団体・プラットフォームとして関わる相手について、次のことをメールでお知らせします。',
  noticeKindsLegend: 'お知らせを受け取るとき',
  noticeKinds: {
    OPT_OUT_CONFIRMED: 'オプトアウトを受け付けたとき',
    STATEMENT_AVAILABLE: '分配の明細ができたとき',
    CLAIM_SETTLED: 'お預かりしていたお金の請求が認められたとき',
    DISPUTE_OPENED: '作品の権利に異議が申し立てられたとき',
    WEBHOOK_ENDPOINT_DISABLED: 'Webhook の送信先が失敗続きで停止されたとき',
  } satisfies Record<NoticeKind, string>,
  noticeLanguageLegend: 'お知らせの言語',
  noticesButton: 'お知らせの設定を保存',
  passkeysHeading: 'パスキー',
  passkeysIntro:
    'パスキーを使うと、パスワードの代わりに端末の指紋・顔認証や PIN でログインできます。',
  noPasskeys: 'パスキーはまだありません。',
  passkeyName: 'パスキーの名前',
  passkeyNameHint: '例：仕事用のノートパソコン（60文字まで）',
  passkeyCreated: '追加日',
  passkeyLastUsed: '最後に使った日',
  passkeyNeverUsed: 'まだ使っていません',
  passkeySynced: '複数の端末で同期',
  rename: '名前を変更',
  remove: '削除',
  addPasskey: 'パスキーを追加',
  needsScript: 'パスキーの追加には JavaScript が必要です。',
  passkeysUnavailable:
    'このアドレス（IP アドレス）で開いたページではパスキーを使えません。サイト名のアドレスで開いてください。',
  secondFactorOn: 'パスワードでログインするときにパスキーも求める（二要素認証）：オン',
  secondFactorOff: 'パスワードでログインするときにパスキーも求める（二要素認証）：オフ',
  turnOn: 'オンにする',
  turnOff: 'オフにする',
  confirmPassword: '確認のため現在のパスワード',
  confirmPasswordHint: 'ログインしてから10分以内なら入力は不要です。',
  passwordHeading: 'パスワードの変更',
  currentPassword: '現在のパスワード',
  newPassword: '新しいパスワード',
  passwordHint: '12文字以上。よく使われるパスワードやメールアドレスは使えません。',
  passwordButton: 'パスワードを変更',
  passwordNote: '変更すると、この端末以外からはログアウトします。',
  signInsHeading: '最近のログイン',
  noSignIns: '記録はありません。',
  signInWith: { 'sign-in-succeeded': 'パスワード', 'sign-in-passkey': 'パスキー' } as Record<
    string,
    string
  >,
  dataHeading: 'あなたのデータ',
  download: 'データをダウンロード（JSON）',
  deleteHeading: 'アカウントの削除',
  deleteIntro:
    'アカウントを削除すると、メールアドレス、パスワード、パスキー、権限がすべて消え、元に戻せません。権利者として受け取る明細などは、権利者の記録として残ります。',
  deletePassword: '確認のため現在のパスワードを入力',
  deleteButton: 'アカウントを削除',
  deleteWithPasskey: 'パスキーで確認してアカウントを削除',
  deletedTitle: 'アカウントを削除しました',
  deletedBody: 'ご利用ありがとうございました。',
  done: {
    password: 'パスワードを変更しました。ほかの端末からはログアウトしました。',
    language: '言語を変更しました。',
    'passkey-added': 'パスキーを追加しました。',
    'passkey-renamed': 'パスキーの名前を変更しました。',
    'passkey-removed': 'パスキーを削除しました。',
    'second-factor': '二要素認証の設定を変更しました。',
    notices: 'お知らせの設定を保存しました。',
  } satisfies Record<AccountDone, string>,
  errorSummary: '入力内容を確認してください',
  problems: {
    'email-invalid': 'メールアドレスを「name@example.jp」の形で入力してください。',
    'password-too-short': 'パスワードは12文字以上にしてください。',
    'password-too-long': 'パスワードは256文字以下にしてください。',
    'password-common':
      'このパスワードはよく使われていて推測されやすいため使えません。別のパスワードにしてください。',
    'password-is-email': 'メールアドレスをパスワードに使うことはできません。',
    'credentials-wrong': 'パスワードが違います。',
    locked: '失敗が続いたため、しばらくお待ちください。',
    'email-not-verified': 'メールアドレスの確認がまだ済んでいません。',
    'link-invalid': 'このリンクは使えません。',
    unauthenticated: 'ログインしてください。',
    'not-found': '見つかりません。',
    'password-wrong': '現在のパスワードが違います。',
    'sign-in-not-recent': 'もう一度ログインしてから、10分以内に操作してください。',
    'confirmation-needed':
      'ログインから10分以上たっています。確認のため現在のパスワードを入力してください。',
    'language-invalid': '日本語か英語を選んでください。',
    'passkey-failed':
      'パスキーを確認できませんでした。もう一度お試しください（JavaScript が必要です）。',
    'passkey-name-invalid': 'パスキーの名前を1文字以上60文字以内で入力してください。',
    'passkey-not-found': 'そのパスキーは見つかりません。',
    'passkey-none': '二要素認証をオンにするには、先にパスキーを追加してください。',
    'form-expired': 'フォームの有効期限が切れました。もう一度入力してください。',
  } satisfies Record<AccountProblem, string>,
};

export type AccountTexts = typeof JA;

const EN: AccountTexts = {
  title: 'Your account',
  signOut: 'Sign out',
  signedOutTitle: 'You are signed out',
  signedOutBody: 'You are signed out on this device.',
  emailHeading: 'E-mail address',
  grantsHeading: 'Your roles',
  noGrants:
    'No roles yet. Register as a right holder, or accept an invitation from a society or a platform, and it shows here.',
  verified: 'Confirmed',
  notVerified: 'Not confirmed',
  created: 'Created',
  languageHeading: 'Language',
  languageLabel: 'Language of your mail and pages',
  languageButton: 'Change language',
  noticesHeading: 'Notices by mail',
  noticesIntro:
    'We mail you when one of these happens to a right holder, society or platform you act for.',
  noticeKindsLegend: 'Mail me when',
  noticeKinds: {
    OPT_OUT_CONFIRMED: 'an opt-out is confirmed',
    STATEMENT_AVAILABLE: 'a statement is ready',
    CLAIM_SETTLED: 'a claim on money waiting for you is settled',
    DISPUTE_OPENED: 'a dispute is opened on one of your works',
    WEBHOOK_ENDPOINT_DISABLED: 'a webhook endpoint is turned off after failing for days',
  },
  noticeLanguageLegend: 'Language of notices',
  noticesButton: 'Save notice settings',
  passkeysHeading: 'Passkeys',
  passkeysIntro:
    "With a passkey you sign in with your device's fingerprint, face or PIN instead of a password.",
  noPasskeys: 'You have no passkeys yet.',
  passkeyName: 'Name of the passkey',
  passkeyNameHint: 'For example: work laptop (up to 60 characters)',
  passkeyCreated: 'Added',
  passkeyLastUsed: 'Last used',
  passkeyNeverUsed: 'Not used yet',
  passkeySynced: 'Synced between devices',
  rename: 'Rename',
  remove: 'Remove',
  addPasskey: 'Add a passkey',
  needsScript: 'Adding a passkey needs JavaScript.',
  passkeysUnavailable:
    'Passkeys cannot be used on a page opened by an IP address. Open the site by its name.',
  secondFactorOn: 'Ask for a passkey after the password (two-step sign-in): on',
  secondFactorOff: 'Ask for a passkey after the password (two-step sign-in): off',
  turnOn: 'Turn on',
  turnOff: 'Turn off',
  confirmPassword: 'Your current password, to confirm',
  confirmPasswordHint: 'Not needed within 10 minutes of signing in.',
  passwordHeading: 'Change your password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  passwordHint: 'At least 12 characters. Common passwords and your e-mail address cannot be used.',
  passwordButton: 'Change password',
  passwordNote: 'Your other devices will be signed out.',
  signInsHeading: 'Recent sign-ins',
  noSignIns: 'None recorded.',
  signInWith: { 'sign-in-succeeded': 'Password', 'sign-in-passkey': 'Passkey' },
  dataHeading: 'Your data',
  download: 'Download your data (JSON)',
  deleteHeading: 'Delete your account',
  deleteIntro:
    'Deleting your account removes your e-mail address, password, passkeys and access for good. Statements you receive as a right holder stay with the right holder.',
  deletePassword: 'Enter your current password to confirm',
  deleteButton: 'Delete my account',
  deleteWithPasskey: 'Delete my account, confirming with a passkey',
  deletedTitle: 'Your account is deleted',
  deletedBody: 'Thank you for using the clearinghouse.',
  done: {
    password: 'Your password is changed. Your other devices are signed out.',
    language: 'Your language is changed.',
    'passkey-added': 'The passkey is added.',
    'passkey-renamed': 'The passkey is renamed.',
    'passkey-removed': 'The passkey is removed.',
    'second-factor': 'Your two-step sign-in setting is changed.',
    notices: 'Your notice settings are saved.',
  },
  errorSummary: 'There is a problem',
  problems: {
    'email-invalid': 'Enter an e-mail address in the form name@example.com.',
    'password-too-short': 'Your password needs at least 12 characters.',
    'password-too-long': 'Your password can have at most 256 characters.',
    'password-common': 'This password is common and easy to guess. Choose another one.',
    'password-is-email': 'Your e-mail address cannot be your password.',
    'credentials-wrong': 'The password is wrong.',
    locked: 'Too many failed attempts. Wait a while, then try again.',
    'email-not-verified': 'Your e-mail address is not confirmed yet.',
    'link-invalid': 'This link cannot be used.',
    unauthenticated: 'Sign in first.',
    'not-found': 'Not found.',
    'password-wrong': 'Your current password is wrong.',
    'sign-in-not-recent': 'Sign in again, then do this within 10 minutes.',
    'confirmation-needed':
      'You signed in more than 10 minutes ago: type your current password to confirm.',
    'language-invalid': 'Choose Japanese or English.',
    'passkey-failed': 'The passkey could not be checked. Try again (this needs JavaScript).',
    'passkey-name-invalid': 'Give the passkey a name of 1 to 60 characters.',
    'passkey-not-found': 'There is no such passkey.',
    'passkey-none': 'Add a passkey before you turn on two-step sign-in.',
    'form-expired': 'This form has expired. Fill it in again.',
  },
};

export const ACCOUNT_TEXTS: Record<Language, AccountTexts> = { ja: JA, en: EN };
