import { Role } from '#libs/contracts';
import { createDataSource } from '#libs/database';
import {
  ensureDemoAccounts,
  type DemoAccount,
  type DemoPerson,
} from '../../../identity/src/demo/demo-accounts.js';
import { identityDatabase } from '../../../identity/src/identity.database.js';
import { DEMO_HOLDERS, DEMO_PLATFORM_NAME, DEMO_SOCIETY_NAME } from './demo-catalogue.js';
import type { DemoParties } from './demo-parties.js';

const holderName = (key: string) => DEMO_HOLDERS.find((holder) => holder.key === key)!.name;

/** The demo's people: one per role, two right holders (a society member and an independent). */
export function demoPeople(parties: DemoParties): DemoPerson[] {
  return [
    { email: 'operator@demo.example', language: 'en', role: Role.OPERATOR },
    {
      email: 'society@demo.example',
      language: 'ja',
      role: Role.SOCIETY_ADMIN,
      party: { id: parties.societyId, name: DEMO_SOCIETY_NAME, kind: 'SOCIETY' },
    },
    {
      email: 'platform@demo.example',
      language: 'en',
      role: Role.PLATFORM,
      party: { id: parties.platformId, name: DEMO_PLATFORM_NAME, kind: 'PLATFORM' },
    },
    {
      email: 'yamada@demo.example',
      language: 'ja',
      role: Role.RIGHT_HOLDER,
      party: { id: parties.holders.yamada!, name: holderName('yamada'), kind: 'RIGHT_HOLDER' },
    },
    {
      email: 'tanaka@demo.example',
      language: 'ja',
      role: Role.RIGHT_HOLDER,
      party: { id: parties.holders.tanaka!, name: holderName('tanaka'), kind: 'RIGHT_HOLDER' },
    },
  ];
}

/** Makes the demo's accounts in the identity app's schema (once), with their grants. */
export async function seedDemoAccounts(
  databaseUrl: string,
  parties: DemoParties,
): Promise<DemoAccount[]> {
  const dataSource = createDataSource(identityDatabase, { url: databaseUrl, poolSize: 2 });
  await dataSource.initialize();
  try {
    return await ensureDemoAccounts(dataSource, demoPeople(parties));
  } finally {
    await dataSource.destroy();
  }
}
