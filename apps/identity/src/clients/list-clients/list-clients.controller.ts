import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ClientManagerAuthenticator } from '../http/client-manager.authenticator.js';
import { answering, clientView } from '../http/clients-http.js';
import { ListClientsHandler } from './list-clients.handler.js';

/** `GET /v1/clients[?party=<id>]`: `{ clients: [...] }`, without secrets. */
@Controller('v1/clients')
export class ListClientsController {
  constructor(
    private readonly authenticator: ClientManagerAuthenticator,
    private readonly handler: ListClientsHandler,
  ) {}

  @Get()
  list(
    @Headers('authorization') authorization: string | undefined,
    @Query('party') party: string | undefined,
  ) {
    return answering(async () => {
      const caller = await this.authenticator.caller(authorization);
      const clients = await this.handler.execute(caller, party);
      return { clients: clients.map(clientView) };
    });
  }
}
