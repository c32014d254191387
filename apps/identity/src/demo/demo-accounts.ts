import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { passwordProblem } from '../accounts/domain/password-rule.js';
import { AccountStore } from '../accounts/infrastructure/account.store.js';
import { hashPassword } from '../accounts/infrastructure/password-hashing.js';
import { grantProblem } from '../grants/domain/grant-rules.js';
import { GrantStore } from '../grants/infrastructure/grant.store.js';

/** A person of the demo: an address, a language and the one grant they hold. */
export interface DemoPerson {
  email: string;
  language: 'ja' | 'en';
  role: string;
  /** The party the grant is on (none for the operator). */
  party?: { id: string; name: string; kind: string };
}

/** A demo account as it stands; `password` only when the account was made just now. */
export interface DemoAccount {
  email: string;
  role: string;
  partyName?: string;
  password?: string;
}

/** A password no one chose: 20 characters of base64url (120 random bits). */
function newPassword(email: string): string {
  for (;;) {
    const password = randomBytes(15).toString('base64url');
    if (!passwordProblem(password, email)) return password;
  }
}

/**
 * The demo's accounts, one per role, made once: each with a verified address, a password made
 * here (returned only when the account is new, to be shown once and never kept) and its grant.
 * An account that exists already keeps its password; its grant is given again if it is missing
 * (a start interrupted between the two steps heals on the next one).
 */
export async function ensureDemoAccounts(
  dataSource: DataSource,
  people: readonly DemoPerson[],
): Promise<DemoAccount[]> {
  const accounts = new AccountStore(dataSource);
  const grants = new GrantStore(dataSource);
  const result: DemoAccount[] = [];
  for (const person of people) {
    const problem = grantProblem(person.role, person.party);
    if (problem) throw new Error(`demo account ${person.email}: ${problem}`);
    const password = newPassword(person.email);
    const created = await accounts.transaction(async (store) => {
      const account = await store.create({
        email: person.email,
        passwordHash: await hashPassword(password),
        language: person.language,
      });
      if (account) await store.markVerified(account.id);
      return account;
    });
    const account = created ?? (await accounts.findByEmail(person.email));
    if (!account) throw new Error(`demo account ${person.email} could not be made`);
    await grants.give({
      accountId: account.id,
      role: person.role,
      ...(person.party ? { party: person.party } : {}),
      grantedBy: 'demo',
    });
    result.push({
      email: person.email,
      role: person.role,
      ...(person.party ? { partyName: person.party.name } : {}),
      ...(created ? { password } : {}),
    });
  }
  return result;
}
