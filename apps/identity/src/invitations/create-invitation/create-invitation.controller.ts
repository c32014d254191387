import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { answering } from '../../grants/http/grants-http.js';
import { PersonAuthenticator } from '../../grants/http/person.authenticator.js';
import { invitationView, type InvitationView } from '../http/invitations-http.js';
import { CreateInvitationHandler } from './create-invitation.handler.js';

/**
 * `POST /v1/invitations` `{ email, role, party, language? }`: 201 with the invitation (the same
 * one again while it is pending, its mail sent again).
 */
@Controller('v1/invitations')
export class CreateInvitationController {
  constructor(
    private readonly authenticator: PersonAuthenticator,
    private readonly handler: CreateInvitationHandler,
  ) {}

  @Post()
  @HttpCode(201)
  create(
    @Headers('authorization') authorization: string | undefined,
    @Body() body: unknown,
  ): Promise<InvitationView> {
    return answering(async () => {
      const caller = await this.authenticator.personOrOperatorMachine(authorization);
      return invitationView(await this.handler.execute(caller, body));
    });
  }
}
