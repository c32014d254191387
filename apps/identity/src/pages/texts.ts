import type { AccountErrorCode } from '../accounts/domain/account-error.js';
import type { Language } from '../accounts/domain/language.js';

/** Why a form could not be taken besides the accounts' own reasons. */
export type FormProblem =
  AccountErrorCode | 'form-expired' | 'interaction-expired' | 'passkey-failed';

const JA = {
  languageName: '日本語',
  languageNav: '言語',
  errorSummary: '入力内容を確認してください',
  email: 'メールアドレス',
  password: 'パスワード',
  newPassword: '新しいパスワード',
  passwordHint: '12文字以上。よく使われるパスワードやメールアドレスは使えません。',
  signInTitle: 'ログイン',
  signInButton: 'ログイン',
  signUpTitle: 'アカウントを作成',
  signUpButton: 'アカウントを作成',
  toSignUp: 'アカウントを作成する',
  toSignIn: 'ログインに戻る',
  forgotTitle: 'パスワードを忘れた場合',
  forgotIntro:
    '登録したメールアドレスを入力してください。パスワードを再設定するためのリンクを送ります。',
  forgotButton: 'リンクを送る',
  toForgot: 'パスワードを忘れた場合',
  checkMailTitle: 'メールを確認してください',
  checkMailSignUp:
    '入力したメールアドレスにメールを送りました。メールのリンクを開いて登録を完了してください。',
  checkMailForgot:
    'そのメールアドレスのアカウントがあれば、パスワードを再設定するためのリンクを送りました。',
  verifyTitle: 'メールアドレスの確認',
  verifyIntro: '「確認する」を押すと、メールアドレスの確認が完了します。',
  verifyButton: '確認する',
  verifiedTitle: 'メールアドレスを確認しました',
  verifiedBody: 'ご利用のアプリケーションに戻って、ログインしてください。',
  resetTitle: '新しいパスワードの設定',
  resetButton: 'パスワードを設定',
  resetDoneTitle: 'パスワードを変更しました',
  resetDoneBody:
    'すべての端末からログアウトしました。ご利用のアプリケーションに戻って、新しいパスワードでログインしてください。',
  consentTitle: 'アクセスの許可',
  consentIntro: (client: string) =>
    `「${client}」があなたのアカウントで次のことを行う許可を求めています。`,
  consentScopes: {
    openid: 'あなたが誰かを知る',
    email: 'メールアドレスを見る',
    offline_access: 'ログインしていない間もアクセスを続ける',
    api: 'あなたとしてクリアリングハウスの API を使う',
  } as Record<string, string>,
  consentAllow: '許可する',
  consentDeny: '許可しない',
  errorTitle: '続けられません',
  problems: {
    'email-invalid': 'メールアドレスを「name@example.jp」の形で入力してください。',
    'password-too-short': 'パスワードは12文字以上にしてください。',
    'password-too-long': 'パスワードは256文字以下にしてください。',
    'password-common':
      'このパスワードは推測されやすいため使えません（よく使われるパスワード、単語・名前・メールアドレスの組み合わせ、キーボードの並び、繰り返しなど）。別のパスワードにしてください。',
    'password-is-email': 'メールアドレスをパスワードに使うことはできません。',
    'credentials-wrong': 'メールアドレスまたはパスワードが違います。',
    locked:
      'ログインの失敗が続いたため、しばらくログインできません。15分ほど待ってからもう一度お試しください。',
    'email-not-verified':
      'メールアドレスの確認がまだ済んでいません。確認用のリンクをもう一度送りましたので、メールを確認してください。',
    'link-invalid':
      'このリンクは使えません。期限切れか、すでに使われています。もう一度手続きしてください。',
    'form-expired': 'フォームの有効期限が切れました。もう一度入力してください。',
    'interaction-expired':
      'ログインの手続きの有効期限が切れました。ご利用のアプリケーションに戻って、もう一度やり直してください。',
    'passkey-failed':
      'パスキーでログインできませんでした。もう一度お試しいただくか、パスワードでログインしてください。',
  } satisfies Record<FormProblem, string>,
};

export type Texts = typeof JA;

const EN: Texts = {
  languageName: 'English',
  languageNav: 'Language',
  errorSummary: 'There is a problem',
  email: 'E-mail address',
  password: 'Password',
  newPassword: 'New password',
  passwordHint: 'At least 12 characters. Common passwords and your e-mail address cannot be used.',
  signInTitle: 'Sign in',
  signInButton: 'Sign in',
  signUpTitle: 'Create an account',
  signUpButton: 'Create account',
  toSignUp: 'Create an account',
  toSignIn: 'Back to sign in',
  forgotTitle: 'Forgot your password',
  forgotIntro:
    'Enter the e-mail address of your account. We will send you a link to choose a new password.',
  forgotButton: 'Send the link',
  toForgot: 'Forgot your password?',
  checkMailTitle: 'Check your e-mail',
  checkMailSignUp:
    'We sent a mail to the address you entered. Open the link in it to finish creating your account.',
  checkMailForgot: 'If an account has that address, we sent it a link to choose a new password.',
  verifyTitle: 'Confirm your e-mail address',
  verifyIntro: 'Press "Confirm" to finish confirming your e-mail address.',
  verifyButton: 'Confirm',
  verifiedTitle: 'Your e-mail address is confirmed',
  verifiedBody: 'Go back to the application you came from and sign in.',
  resetTitle: 'Choose a new password',
  resetButton: 'Set password',
  resetDoneTitle: 'Your password is changed',
  resetDoneBody:
    'You are signed out everywhere. Go back to the application you came from and sign in with your new password.',
  consentTitle: 'Allow access',
  consentIntro: (client: string) => `"${client}" asks to do the following with your account.`,
  consentScopes: {
    openid: 'Know who you are',
    email: 'See your e-mail address',
    offline_access: 'Keep access while you are signed out',
    api: 'Use the clearinghouse API as you',
  },
  consentAllow: 'Allow',
  consentDeny: 'Do not allow',
  errorTitle: 'This cannot go on',
  problems: {
    'email-invalid': 'Enter an e-mail address in the form name@example.com.',
    'password-too-short': 'Your password needs at least 12 characters.',
    'password-too-long': 'Your password can have at most 256 characters.',
    'password-common':
      'This password is easy to guess (a common password, or common words, names, your address, keyboard runs or repeats). Choose another one.',
    'password-is-email': 'Your e-mail address cannot be your password.',
    'credentials-wrong': 'The e-mail address or the password is wrong.',
    locked: 'Too many failed sign-ins. Wait about 15 minutes, then try again.',
    'email-not-verified':
      'Your e-mail address is not confirmed yet. We sent you a new link: check your e-mail.',
    'link-invalid': 'This link cannot be used: it has expired or was used already. Start again.',
    'form-expired': 'This form has expired. Fill it in again.',
    'interaction-expired':
      'This sign-in has expired. Go back to the application you came from and start again.',
    'passkey-failed':
      'You could not be signed in with a passkey. Try again, or sign in with your password.',
  },
};

export const TEXTS: Record<Language, Texts> = { ja: JA, en: EN };

/** The field a problem belongs to, so its message is tied to the field. */
export function fieldOf(problem: FormProblem): 'email' | 'password' | undefined {
  if (problem === 'email-invalid') return 'email';
  if (problem.startsWith('password-')) return 'password';
  return undefined;
}
