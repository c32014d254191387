import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ClientManagerAuthenticator } from '../http/client-manager.authenticator.js';
import { answering, clientView } from '../http/clients-http.js';
import { CreateClientHandler } from './create-client.handler.js';

/**
 * `POST /v1/clients` `{ name, tokenEndpointAuthMethod?, jwk?, party? }` with a Bearer token of
 * platform staff (or the operator, naming `party`) and optionally `Idempotency-Key`: 201 with
 * the client and `clientSecret` (shown this once); a repeat with the same key: 200, the same
 * client, no secret.
 */
@Controller('v1/clients')
export class CreateClientController {
  constructor(
    private readonly authenticator: ClientManagerAuthenticator,
    private readonly handler: CreateClientHandler,
  ) {}

  @Post()
  create(
    @Headers('authorization') authorization: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answering(async () => {
      const caller = await this.authenticator.caller(authorization);
      const { client, secret, repeated } = await this.handler.execute(caller, body, idempotencyKey);
      void reply.code(repeated ? 200 : 201).header('cache-control', 'no-store');
      return { ...clientView(client), ...(secret ? { clientSecret: secret } : {}) };
    });
  }
}
