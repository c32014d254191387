import { Injectable } from '@nestjs/common';
import { GrantsError, GrantsErrorCode } from '../../grants/domain/grant-rules.js';
import { PersonAuthenticator as PeopleAuthenticator } from '../../grants/http/person.authenticator.js';
import { AccountSelfError } from '../domain/account-self-rules.js';

/** The person calling `/v1/me`, as their access token says. */
export interface MeCaller {
  accountId: string;
  clientId?: string;
  /** When the person signed in for this token (seconds since the epoch), if it says. */
  authTime?: number;
}

/**
 * The person calling `/v1/me`: their token is read by the one authenticator of people's tokens
 * (grants/http, verified with the provider's in-process keys); a machine's token or an account
 * that is gone is `not-found`, anything else it refuses `unauthenticated`.
 */
@Injectable()
export class PersonAuthenticator {
  constructor(private readonly people: PeopleAuthenticator) {}

  async accountOf(authorization: string | undefined): Promise<MeCaller> {
    let payload: Record<string, unknown>;
    try {
      payload = await this.people.verified(authorization);
    } catch (error) {
      if (error instanceof GrantsError && error.code === GrantsErrorCode.UNAUTHENTICATED) {
        throw new AccountSelfError('unauthenticated');
      }
      throw error;
    }
    const clientId = typeof payload.client_id === 'string' ? payload.client_id : undefined;
    const sub = typeof payload.sub === 'string' ? payload.sub : '';
    // A machine's token (client credentials) names its client, not a person.
    if (!sub || sub === clientId) throw new AccountSelfError('not-found');
    const authTime = typeof payload.auth_time === 'number' ? payload.auth_time : undefined;
    return { accountId: sub, clientId, authTime };
  }
}
