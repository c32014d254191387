import { Controller, Delete, Headers, HttpCode, Param } from '@nestjs/common';
import { Role } from '#libs/contracts';
import { GrantsError, GrantsErrorCode } from '../../grants/domain/grant-rules.js';
import { answering } from '../../grants/http/grants-http.js';
import { PersonAuthenticator } from '../../grants/http/person.authenticator.js';
import { InvitationStore } from '../infrastructure/invitation.store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `DELETE /v1/invitations/:id`: 204; its link stops working. The sender withdraws its own, the
 * operator any; anyone else gets 404. Withdrawing again (or an accepted one) changes nothing.
 */
@Controller('v1/invitations')
export class WithdrawInvitationController {
  constructor(
    private readonly authenticator: PersonAuthenticator,
    private readonly store: InvitationStore,
  ) {}

  @Delete(':id')
  @HttpCode(204)
  withdraw(
    @Headers('authorization') authorization: string | undefined,
    @Param('id') id: string,
  ): Promise<void> {
    return answering(async () => {
      const caller = await this.authenticator.personOrOperatorMachine(authorization);
      const invitation = UUID.test(id) ? await this.store.findById(id) : null;
      if (
        !invitation ||
        (invitation.invitedBy !== caller.accountId && caller.role !== Role.OPERATOR)
      ) {
        throw new GrantsError(GrantsErrorCode.NOT_FOUND, `no invitation ${id}`);
      }
      await this.store.withdraw(invitation.id);
    });
  }
}
