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
 * here (returned only when the account is new, to be shown once and never kept) and its grant,
 * made together in one transaction. An account that exists already is left as it is: its
 * password, and its grants as people changed them (one taken back stays taken back; an account
 * someone else made with a demo address gets none).
 */
export async function ensureDemoAccounts(
  dataSource: DataSource,
  people: readonly DemoPerson[],
): Promise<DemoAccount[]> {
  const result: DemoAccount[] = [];
  for (const person of people) {
    const problem = grantProblem(person.role, person.party);
    if (problem) throw new Error(`demo account ${person.email}: ${problem}`);
    const password = newPassword(person.email);
    const passwordHash = await hashPassword(password);
    const created = await dataSource.transaction(async (em) => {
      const store = new AccountStore(dataSource, undefined, em);
      const account = await store.create({
        email: person.email,
        passwordHash,
        language: person.language,
      });
      if (!account) return undefined;
      await store.markVerified(account.id);
      await new GrantStore(dataSource, undefined, em).give({
        accountId: account.id,
        role: person.role,
        ...(person.party ? { party: person.party } : {}),
        grantedBy: 'demo',
      });
      return account;
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
