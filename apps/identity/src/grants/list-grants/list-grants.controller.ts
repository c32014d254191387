import { Controller, Get, Headers } from '@nestjs/common';
import { answering, grantView, type GrantView } from '../http/grants-http.js';
import { PersonAuthenticator } from '../http/person.authenticator.js';
import { GrantStore } from '../infrastructure/grant.store.js';

/**
 * `GET /v1/me/grants`: the calling person's grants not taken back, with their party's name and
 * kind; any of the person's access tokens of this issuer, with or without a role.
 */
@Controller('v1/me/grants')
export class ListGrantsController {
  constructor(
    private readonly authenticator: PersonAuthenticator,
    private readonly store: GrantStore,
  ) {}

  @Get()
  list(
    @Headers('authorization') authorization: string | undefined,
  ): Promise<{ grants: GrantView[] }> {
    return answering(async () => {
      const person = await this.authenticator.person(authorization);
      return { grants: (await this.store.active(person.accountId)).map(grantView) };
    });
  }
}
