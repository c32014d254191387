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
  problems: {
    'form-expired': 'This form has expired. Choose again.',
    'grant-not-held':
      'Your account does not hold that role (it may have been taken back). Choose another one.',
  },
};

export const GRANT_TEXTS: Record<Language, GrantTexts> = { ja: JA, en: EN };
