import { Controller, Delete, Headers, HttpCode, Param } from '@nestjs/common';
import { ClientManagerAuthenticator } from '../http/client-manager.authenticator.js';
import { answering } from '../http/clients-http.js';
import { DeleteClientHandler } from './delete-client.handler.js';

/** `DELETE /v1/clients/:clientId`: 204, also when it was deleted already. */
@Controller('v1/clients')
export class DeleteClientController {
  constructor(
    private readonly authenticator: ClientManagerAuthenticator,
    private readonly handler: DeleteClientHandler,
  ) {}

  @Delete(':clientId')
  @HttpCode(204)
  remove(
    @Headers('authorization') authorization: string | undefined,
    @Param('clientId') clientId: string,
  ): Promise<void> {
    return answering(async () => {
      const caller = await this.authenticator.caller(authorization);
      await this.handler.execute(caller, clientId);
    });
  }
}
