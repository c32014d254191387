import { Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ClientManagerAuthenticator } from '../http/client-manager.authenticator.js';
import { answering, clientView } from '../http/clients-http.js';
import { RotateSecretHandler } from './rotate-secret.handler.js';

/**
 * `POST /v1/clients/:clientId/rotate-secret`: the client with its new `clientSecret` (shown
 * this once) and `previousSecretValidUntil`.
 */
@Controller('v1/clients')
export class RotateSecretController {
  constructor(
    private readonly authenticator: ClientManagerAuthenticator,
    private readonly handler: RotateSecretHandler,
  ) {}

  @Post(':clientId/rotate-secret')
  @HttpCode(200)
  rotate(
    @Headers('authorization') authorization: string | undefined,
    @Param('clientId') clientId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answering(async () => {
      const caller = await this.authenticator.caller(authorization);
      const { client, secret, previousValidUntil } = await this.handler.execute(caller, clientId);
      void reply.header('cache-control', 'no-store');
      return {
        ...clientView(client),
        clientSecret: secret,
        previousSecretValidUntil: previousValidUntil.toISOString(),
      };
    });
  }
}
