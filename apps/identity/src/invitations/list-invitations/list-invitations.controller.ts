import { Controller, Get, Headers } from '@nestjs/common';
import { answering } from '../../grants/http/grants-http.js';
import { PersonAuthenticator } from '../../grants/http/person.authenticator.js';
import { invitationView, type InvitationView } from '../http/invitations-http.js';
import { InvitationStore } from '../infrastructure/invitation.store.js';

/** `GET /v1/invitations`: the invitations the calling person sent, newest first. */
@Controller('v1/invitations')
export class ListInvitationsController {
  constructor(
    private readonly authenticator: PersonAuthenticator,
    private readonly store: InvitationStore,
  ) {}

  @Get()
  list(
    @Headers('authorization') authorization: string | undefined,
  ): Promise<{ invitations: InvitationView[] }> {
    return answering(async () => {
      const caller = await this.authenticator.personOrOperatorMachine(authorization);
      const now = new Date();
      return {
        invitations: (await this.store.sentBy(caller.accountId)).map((invitation) =>
          invitationView(invitation, now),
        ),
      };
    });
  }
}
