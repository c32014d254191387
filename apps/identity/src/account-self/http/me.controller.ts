import { Controller, Delete, Get, Headers, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DeleteAccount } from '../application/delete-account/delete-account.js';
import { PersonalData } from '../application/personal-data/personal-data.js';
import { answering } from './account-problems.js';
import { PersonAuthenticator } from './person.authenticator.js';
import { clientAddressOf } from '../../forwarding/forwarded-headers.js';

/**
 * The person's own account for the portal, with their access token: `GET /v1/me` (account,
 * passkeys, recent sign-ins), `GET /v1/me/export` (all the identity app holds about them, as a
 * download), `DELETE /v1/me` (with a token whose own sign-in, `auth_time`, is of the last ten minutes).
 */
@Controller('v1/me')
export class MeController {
  constructor(
    private readonly authenticator: PersonAuthenticator,
    private readonly personalData: PersonalData,
    private readonly deleteAccount: DeleteAccount,
  ) {}

  @Get()
  me(@Headers('authorization') authorization: string | undefined) {
    return answering(async () => {
      const { accountId } = await this.authenticator.accountOf(authorization);
      return this.personalData.overview(accountId);
    });
  }

  @Get('export')
  async export(
    @Headers('authorization') authorization: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const data = await answering(async () => {
      const { accountId, clientId } = await this.authenticator.accountOf(authorization);
      return this.personalData.export(accountId, {
        clientAddress: clientAddressOf(request),
        clientId,
      });
    });
    return sendExport(reply, data);
  }

  @Delete()
  async delete(
    @Headers('authorization') authorization: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    await answering(async () => {
      const { accountId, clientId, authTime } = await this.authenticator.accountOf(authorization);
      await this.deleteAccount.execute(
        accountId,
        { tokenSignedInAt: authTime === undefined ? undefined : new Date(authTime * 1000) },
        { clientAddress: clientAddressOf(request), clientId },
      );
    });
    return reply.code(204).send();
  }
}

/** Answers with the person's data as a JSON file to keep. */
export function sendExport(reply: FastifyReply, data: unknown): FastifyReply {
  return reply
    .code(200)
    .header('content-type', 'application/json; charset=utf-8')
    .header('content-disposition', 'attachment; filename="account.json"')
    .header('cache-control', 'no-store')
    .send(JSON.stringify(data, null, 2));
}
