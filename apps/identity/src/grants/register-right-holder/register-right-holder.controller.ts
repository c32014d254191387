import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { answering, grantView, type GrantView } from '../http/grants-http.js';
import { PersonAuthenticator } from '../http/person.authenticator.js';
import { RegisterRightHolderHandler } from './register-right-holder.handler.js';

/**
 * `POST /v1/me/right-holder` `{ name, country, ipiNameNumber? }`: 201 with the RIGHT_HOLDER
 * grant on the person's new party; a retry (any Idempotency-Key, or none) answers the same.
 */
@Controller('v1/me/right-holder')
export class RegisterRightHolderController {
  constructor(
    private readonly authenticator: PersonAuthenticator,
    private readonly handler: RegisterRightHolderHandler,
  ) {}

  @Post()
  @HttpCode(201)
  register(
    @Headers('authorization') authorization: string | undefined,
    @Body() body: unknown,
  ): Promise<{ grant: GrantView }> {
    return answering(async () => {
      const person = await this.authenticator.person(authorization);
      return { grant: grantView(await this.handler.execute(person, body)) };
    });
  }
}
