import { AuditEvent } from '../../../accounts/domain/audit-event.js';
import type { AccountStore, Actor } from '../../../accounts/infrastructure/account.store.js';
import type { GrantEntity } from '../../../grants/infrastructure/grant.entity.js';
import type { GrantStore } from '../../../grants/infrastructure/grant.store.js';
import type { PasskeyStore } from '../../../passkeys/infrastructure/passkey.store.js';
import {
  mailPreferencesOf,
  type MailPreferences,
} from '../../../notices/domain/mail-preferences.js';
import type { MailPreferenceStore } from '../../../notices/infrastructure/mail-preference.store.js';
import { AccountSelfError, RECENT_SIGN_INS } from '../../domain/account-self-rules.js';
import type { AccountSelfStore } from '../../infrastructure/account-self.store.js';

export interface PasskeyView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** `singleDevice` or `multiDevice` (synced between devices). */
  deviceType: string;
  backedUp: boolean;
}

/** A role the person may act in on a party (none for the operator). */
export interface GrantView {
  id: string;
  role: string;
  partyId: string | null;
  partyName: string | null;
  partyKind: string | null;
  grantedAt: string;
  revokedAt: string | null;
}

export interface AuditView {
  at: string;
  event: string;
  clientId: string | null;
}

/** What the person sees of their account (`GET /v1/me` and the account page). */
export interface AccountOverview {
  account: {
    id: string;
    email: string;
    emailVerified: boolean;
    language: string;
    createdAt: string;
    passkeySecondFactor: boolean;
  };
  passkeys: PasskeyView[];
  /** The grants the person holds now. */
  grants: GrantView[];
  recentSignIns: AuditView[];
  /** The language of the person's notices and the kinds they are mailed. */
  mailPreferences: MailPreferences;
}

/** Everything the identity app holds about the person (`GET /v1/me/export`), no secrets. */
export interface AccountExport extends AccountOverview {
  exportedAt: string;
  passwordChangedAt: string;
  emailVerifiedAt: string | null;
  audit: (AuditView & { clientAddress: string | null })[];
  mailedLinks: { purpose: string; expiresAt: string; usedAt: string | null }[];
  /** Every grant the person has held, taken back ones too. */
  grantHistory: GrantView[];
  /** Sessions, grants and tokens of the provider that hold the account, counted by kind. */
  providerRecords: Record<string, number>;
}

/**
 * The person's own data: an overview, and an export of all the identity app holds about
 * them. Never a password hash, a passkey's key, a mailed token or its hash.
 */
export class PersonalData {
  constructor(
    private readonly store: AccountSelfStore,
    private readonly accounts: AccountStore,
    private readonly passkeys: PasskeyStore,
    private readonly grants: GrantStore,
    private readonly mailPreferences: MailPreferenceStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async overview(accountId: string): Promise<AccountOverview> {
    const account = await this.accounts.findById(accountId);
    if (!account) throw new AccountSelfError('not-found');
    const [passkeys, grants, signIns, mailPreferences] = await Promise.all([
      this.passkeys.list(accountId),
      this.grants.active(accountId),
      this.store.audit(accountId, { signInsOnly: true, limit: RECENT_SIGN_INS }),
      this.mailPreferences.find(accountId),
    ]);
    return {
      account: {
        id: account.id,
        email: account.email,
        emailVerified: account.emailVerifiedAt !== null,
        language: account.language,
        createdAt: account.createdAt.toISOString(),
        passkeySecondFactor: account.passkeySecondFactor,
      },
      passkeys: passkeys.map((passkey) => ({
        id: passkey.id,
        name: passkey.name,
        createdAt: passkey.createdAt.toISOString(),
        lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null,
        deviceType: passkey.deviceType,
        backedUp: passkey.backedUp,
      })),
      grants: grants.map(grantView),
      recentSignIns: signIns.map((entry) => ({
        at: entry.at.toISOString(),
        event: entry.event,
        clientId: entry.clientId,
      })),
      mailPreferences: mailPreferencesOf(mailPreferences, account.language),
    };
  }

  async export(accountId: string, actor: Actor = {}): Promise<AccountExport> {
    const overview = await this.overview(accountId);
    const account = (await this.accounts.findById(accountId))!;
    await this.accounts.audit(AuditEvent.DATA_EXPORTED, accountId, actor);
    const [audit, tokens, records, grants] = await Promise.all([
      this.store.audit(accountId),
      this.store.mailedTokens(accountId),
      this.store.providerRecords(accountId),
      this.grants.history(accountId),
    ]);
    return {
      ...overview,
      exportedAt: this.now().toISOString(),
      passwordChangedAt: account.passwordChangedAt.toISOString(),
      emailVerifiedAt: account.emailVerifiedAt?.toISOString() ?? null,
      audit: audit.map((entry) => ({
        at: entry.at.toISOString(),
        event: entry.event,
        clientId: entry.clientId,
        clientAddress: entry.clientAddress,
      })),
      mailedLinks: tokens.map((token) => ({
        purpose: token.purpose,
        expiresAt: token.expiresAt.toISOString(),
        usedAt: token.usedAt?.toISOString() ?? null,
      })),
      grantHistory: grants.map(grantView),
      providerRecords: records,
    };
  }
}

function grantView(grant: GrantEntity): GrantView {
  return {
    id: grant.id,
    role: grant.role,
    partyId: grant.partyId,
    partyName: grant.partyName,
    partyKind: grant.partyKind,
    grantedAt: grant.createdAt.toISOString(),
    revokedAt: grant.revokedAt?.toISOString() ?? null,
  };
}
