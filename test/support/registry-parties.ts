import { randomUUID } from 'node:crypto';
import type { Caller } from '#libs/auth';
import { Role } from '#libs/contracts';
import type { TestService } from '#libs/testing';

/** The operator, who acts for no registered party. */
export const TEST_OPERATOR: Caller = { role: Role.OPERATOR, partyId: randomUUID() };

/** Registers a party at the rights-registry service under test, as the operator; its id. */
export async function registeredParty(
  registry: TestService,
  input: Record<string, unknown>,
): Promise<string> {
  const result = await registry.graphql<{ registerParty: { id: string } }>(
    'mutation ($input: RegisterPartyInput!) { registerParty(input: $input) { id } }',
    { input },
    TEST_OPERATOR,
  );
  if (!result.data) throw new Error(`registerParty: ${JSON.stringify(result.errors)}`);
  return result.data.registerParty.id;
}
