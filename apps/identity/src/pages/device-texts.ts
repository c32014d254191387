import type { Language } from '../accounts/domain/language.js';

/** Why the code a person typed on the device page cannot go on. */
export type DeviceProblem =
  'code-missing' | 'code-unknown' | 'code-expired' | 'code-used' | 'aborted' | 'failed';

const JA = {
  inputTitle: '端末のログイン',
  inputIntro: 'コマンドライン（CLI）などの端末に表示されたコードを入力してください。',
  codeLabel: 'コード',
  codeHint: '8文字の英字です（例: BDFG-HJKL）。ハイフンはなくてもかまいません。',
  inputButton: '次へ',
  confirmTitle: '端末のログインの確認',
  confirmIntro: (client: string) =>
    `「${client}」があなたのアカウントでログインしようとしています。端末に次のコードが表示されていることを確かめてください。`,
  confirmWarning:
    '自分で始めたログインでない場合や、コードが違う場合は「中止する」を押してください。',
  confirmButton: 'ログインを続ける',
  abortButton: '中止する',
  successTitle: 'ログインしました',
  successBody: '端末に戻ってください。このページは閉じてかまいません。',
  errorSummary: '入力内容を確認してください',
  problems: {
    'code-missing': 'コードを入力してください。',
    'code-unknown':
      'このコードは見つかりません。端末に表示されたコードをもう一度入力してください。',
    'code-expired': 'このコードは有効期限が切れました。端末でもう一度ログインを始めてください。',
    'code-used': 'このコードはすでに使われています。端末でもう一度ログインを始めてください。',
    aborted: 'ログインを中止しました。端末には許可しなかったことが伝わります。',
    failed: 'ログインを完了できませんでした。端末でもう一度ログインを始めてください。',
  } satisfies Record<DeviceProblem, string>,
};

export type DeviceTexts = typeof JA;

const EN: DeviceTexts = {
  inputTitle: 'Sign in on a device',
  inputIntro: 'Enter the code shown on your device, such as the command line (CLI).',
  codeLabel: 'Code',
  codeHint: 'Eight letters (for example BDFG-HJKL). The hyphen may be left out.',
  inputButton: 'Continue',
  confirmTitle: 'Confirm the device sign-in',
  confirmIntro: (client: string) =>
    `"${client}" asks to sign in with your account. Check that your device shows this code.`,
  confirmWarning: 'If you did not start this sign-in, or the code differs, press "Cancel".',
  confirmButton: 'Continue signing in',
  abortButton: 'Cancel',
  successTitle: 'You are signed in',
  successBody: 'Go back to your device. You may close this page.',
  errorSummary: 'There is a problem',
  problems: {
    'code-missing': 'Enter the code.',
    'code-unknown': 'This code is not known. Enter the code your device shows again.',
    'code-expired': 'This code has expired. Start signing in again on your device.',
    'code-used': 'This code was used already. Start signing in again on your device.',
    aborted: 'The sign-in is cancelled. Your device is told that you did not allow it.',
    failed: 'The sign-in could not be finished. Start signing in again on your device.',
  },
};

export const DEVICE_TEXTS: Record<Language, DeviceTexts> = { ja: JA, en: EN };
