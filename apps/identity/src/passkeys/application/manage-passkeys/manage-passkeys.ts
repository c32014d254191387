import { AuditEvent } from '../../../accounts/domain/audit-event.js';
import type { AccountStore, Actor } from '../../../accounts/infrastructure/account.store.js';
import { PasskeyError, passkeyName, secondFactorAfter } from '../../domain/passkey-rules.js';
import type { PasskeyEntity } from '../../infrastructure/passkey.entity.js';
import type { PasskeyStore } from '../../infrastructure/passkey.store.js';

/**
 * The signed-in person's own passkeys: list, rename, remove, and whether a sign-in with the
 * password also asks for one. Another account's passkey is not found. Each change is audited.
 */
export class ManagePasskeys {
  constructor(
    private readonly passkeys: PasskeyStore,
    private readonly accounts: AccountStore,
  ) {}

  list(accountId: string): Promise<PasskeyEntity[]> {
    return this.passkeys.list(accountId);
  }

  secondFactor(accountId: string): Promise<boolean> {
    return this.passkeys.secondFactor(accountId);
  }

  async rename(accountId: string, id: string, input: string, actor: Actor = {}): Promise<void> {
    const name = passkeyName(input);
    if (!name) throw new PasskeyError('passkey-name-invalid');
    if (!(await this.passkeys.rename(accountId, id, name))) {
      throw new PasskeyError('passkey-not-found');
    }
    await this.accounts.audit(AuditEvent.PASSKEY_RENAMED, accountId, actor);
  }

  async remove(accountId: string, id: string, actor: Actor = {}): Promise<void> {
    await this.passkeys.transaction(async (store) => {
      if (!(await store.remove(accountId, id))) throw new PasskeyError('passkey-not-found');
      const left = (await store.list(accountId)).length;
      const on = await store.secondFactor(accountId);
      if (on !== secondFactorAfter(on, left)) await store.setSecondFactor(accountId, false);
    });
    await this.accounts.audit(AuditEvent.PASSKEY_REMOVED, accountId, actor);
  }

  async setSecondFactor(accountId: string, on: boolean, actor: Actor = {}): Promise<void> {
    await this.passkeys.transaction(async (store) => {
      const left = (await store.list(accountId)).length;
      if (on && left === 0) throw new PasskeyError('passkey-none');
      await store.setSecondFactor(accountId, secondFactorAfter(on, left));
    });
    await this.accounts.audit(AuditEvent.SECOND_FACTOR_CHANGED, accountId, actor);
  }
}
