import { Controller, Delete, Headers, HttpCode, Param } from '@nestjs/common';
import { answering } from '../http/grants-http.js';
import { PersonAuthenticator } from '../http/person.authenticator.js';
import { RevokeGrantHandler } from './revoke-grant.handler.js';

/** `DELETE /v1/grants/:id`: 204, also when it was taken back already. */
@Controller('v1/grants')
export class RevokeGrantController {
  constructor(
    private readonly authenticator: PersonAuthenticator,
    private readonly handler: RevokeGrantHandler,
  ) {}

  @Delete(':id')
  @HttpCode(204)
  revoke(
    @Headers('authorization') authorization: string | undefined,
    @Param('id') id: string,
  ): Promise<void> {
    return answering(async () => {
      await this.handler.execute(
        await this.authenticator.personOrOperatorMachine(authorization),
        id,
      );
    });
  }
}
