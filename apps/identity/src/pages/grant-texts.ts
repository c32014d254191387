import type { Language } from '../accounts/domain/language.js';

/** Why a grant page could not be taken. */
export type GrantProblem = 'form-expired' | 'grant-not-held';

const JA = {
  actAsTitle: '利用する立場を選ぶ',
  actAsIntro:
    'このアカウントには複数の立場があります。今回どの立場で利用するかを選んでください。あとから切り替えることもできます。',
  actAsButton: (role: string, party: string | undefined) =>
    party ? `${party} の${role}として続ける` : `${role}として続ける`,
  roles: {
    OPERATOR: '運営者',
    SOCIETY_ADMIN: '団体の管理者',
    RIGHT_HOLDER: '権利者',
    PLATFORM: 'プラットフォームの担当者',
  } as Record<string, string>,
  errorSummary: '続けられませんでした',
  invitationTitle: '招待',
  invitationIntro: (inviter: string, what: string) =>
    `${inviter} から、${what}として利用するよう招待されています。`,
  invitationAddress: '招待されたメールアドレス',
  invitationPasswordHint:
    'このメールアドレスのアカウントがあればそのパスワードを、なければ新しく作るアカウントのパスワード（12文字以上）を入力してください。',
  invitationButton: '招待を受ける',
  invitationAcceptedTitle: '招待を受けました',
  invitationTryLater:
    '招待がまだ有効かどうかを今は確かめられません。しばらくしてからもう一度お試しください。',
  invitationNeedsPasskey:
    'このアカウントはログインのたびにパスキーで確認するため、パスワードだけでは招待を受けられません。アカウントのページでパスキーによる確認をいったん止めてから、このリンクを開き直してください。',
  invitationAccepted: (what: string) =>
    `${what}になりました。ご利用のアプリケーションに戻ってログインし、この立場を選んでください。`,
  what: (role: string, party: string | undefined) => (party ? `${party} の${role}` : role),
  operator: '運営者',
  problems: {
    'form-expired': 'このフォームは期限が切れました。もう一度選んでください。',
    'grant-not-held':
      'その立場はこのアカウントにありません(取り消された可能性があります)。別の立場を選んでください。',
  } as Record<GrantProblem, string>,
};

export type GrantTexts = typeof JA;

const EN: GrantTexts = {
  actAsTitle: 'Choose who you act as',
  actAsIntro:
    'Your account holds several roles. Choose the one you act as this time; you can switch later.',
  actAsButton: (role: string, party: string | undefined) =>
    party ? `Continue as ${role} of ${party}` : `Continue as ${role}`,
  roles: {
    OPERATOR: 'operator',
    SOCIETY_ADMIN: 'society administrator',
    RIGHT_HOLDER: 'right holder',
    PLATFORM: 'platform staff',
  },
  errorSummary: 'This could not go on',
  invitationTitle: 'Invitation',
  invitationIntro: (inviter: string, what: string) => `${inviter} invites you to act as ${what}.`,
  invitationAddress: 'Invited e-mail address',
  invitationPasswordHint:
    'If you have an account with this address, enter its password; if not, choose a password (at least 12 characters) for your new account.',
  invitationButton: 'Accept the invitation',
  invitationAcceptedTitle: 'Invitation accepted',
  invitationTryLater:
    'Whether this invitation still stands cannot be checked now. Try again in a while.',
  invitationNeedsPasskey:
    'This account confirms its sign-ins with a passkey, so the invitation cannot be accepted with the password alone. Turn off the passkey confirmation on your account page for a moment, then open this link again.',
  invitationAccepted: (what: string) =>
    `You are now ${what}. Go back to the application you came from, sign in and choose this role.`,
  what: (role: string, party: string | undefined) => (party ? `${role} of ${party}` : role),
  operator: 'The operator',
  problems: {
    'form-expired': 'This form has expired. Choose again.',
    'grant-not-held':
      'Your account does not hold that role (it may have been taken back). Choose another one.',
  },
};

export const GRANT_TEXTS: Record<Language, GrantTexts> = { ja: JA, en: EN };
