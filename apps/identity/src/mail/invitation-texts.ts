import type { Language } from '../accounts/domain/language.js';

/** What an invitation mail says: who invites, to which role, on which party. */
export interface InvitationFacts {
  inviter: string;
  role: string;
  party?: string;
}

const ROLE_NAMES: Record<Language, Record<string, string>> = {
  ja: {
    OPERATOR: '運営者',
    SOCIETY_ADMIN: '団体の管理者',
    RIGHT_HOLDER: '権利者',
    PLATFORM: 'プラットフォームの担当者',
  },
  en: {
    OPERATOR: 'operator',
    SOCIETY_ADMIN: 'society administrator',
    RIGHT_HOLDER: 'right holder',
    PLATFORM: 'platform staff',
  },
};

const SIGNATURE: Record<Language, string> = {
  ja: '著作権拡大集中許諾クリアリングハウス',
  en: 'The copyright licensing clearinghouse',
};

/** The role's name in the reader's language. */
export function roleName(language: Language, role: string): string {
  return ROLE_NAMES[language][role] ?? role;
}

/** The invitation mail in the invitee's language, around its link. */
export function invitationMailText(
  language: Language,
  facts: InvitationFacts,
  link: string,
): { subject: string; text: string } {
  const role = roleName(language, facts.role);
  if (language === 'ja') {
    const what = facts.party ? `${facts.party} の${role}` : role;
    return {
      subject: `${what}への招待`,
      text: `${facts.inviter} から、${what}として利用するよう招待されました。\n\n次のリンクを開いて招待を受けてください（7日間有効、1回のみ）。アカウントがない場合はその場で作成できます。\n\n${link}\n\n心当たりがない場合は、このメールを無視してください。\n\n${SIGNATURE.ja}\n`,
    };
  }
  const what = facts.party ? `${role} of ${facts.party}` : role;
  return {
    subject: `You are invited as ${what}`,
    text: `${facts.inviter} invites you to act as ${what}.\n\nOpen this link to accept (it works for 7 days, once). If you have no account yet, you can create one there.\n\n${link}\n\nIf you did not expect this, ignore this mail.\n\n${SIGNATURE.en}\n`,
  };
}
