import { hkdf } from 'node:crypto';
import { promisify } from 'node:util';
import { sharedSecret } from '#libs/auth';
import { Role } from '#libs/contracts';
import { seededDemo, type DemoParties } from './demo-parties.js';

/** A machine client of a demo party: client credentials, its token acts as `role` of `party`. */
export interface DemoClient {
  clientId: string;
  secret: string;
  role: Role;
  party: string;
  /** How the banner names it. */
  label: string;
}

const DEMO_CLIENT_SECRET_FILE = 'demo-client-secret';

/** The demo's parties that act, with the role each acts in and how the banner names it. */
function demoActors(parties: DemoParties): Omit<DemoClient, 'secret'>[] {
  return [
    {
      clientId: 'demo-society-admin',
      role: Role.SOCIETY_ADMIN,
      party: parties.societyId,
      label: '',
    },
    {
      clientId: 'demo-right-holder-yamada',
      role: Role.RIGHT_HOLDER,
      party: parties.holders.yamada!,
      label: '(member 山田 花子)',
    },
    {
      clientId: 'demo-right-holder-tanaka',
      role: Role.RIGHT_HOLDER,
      party: parties.holders.tanaka!,
      label: '(non-member 田中 ゆい)',
    },
    { clientId: 'demo-platform', role: Role.PLATFORM, party: parties.platformId, label: '' },
  ];
}

/**
 * The machine clients of the demo's parties, once the demo is seeded in DATA_DIR (else none).
 * Each secret is derived (HKDF-SHA256) from one random secret kept in
 * DATA_DIR/demo-client-secret (mode 600, like the other secrets) and the client id, so the
 * launcher that registers them and the CLI that uses them agree without storing four secrets.
 */
export async function demoClients(dataDir: string): Promise<DemoClient[]> {
  const parties = await seededDemo(dataDir);
  if (!parties) return [];
  const root = await sharedSecret(undefined, dataDir, DEMO_CLIENT_SECRET_FILE);
  return Promise.all(
    demoActors(parties).map(async (actor) => ({
      ...actor,
      secret: Buffer.from(
        await promisify(hkdf)('sha256', root, '', `demo-client:${actor.clientId}`, 32),
      ).toString('base64url'),
    })),
  );
}

/** The demo's client acting as `role` of `party`, when the demo of DATA_DIR has one. */
export async function demoClientFor(
  dataDir: string,
  role: Role,
  party: string,
): Promise<DemoClient | undefined> {
  return (await demoClients(dataDir)).find(
    (client) => client.role === role && client.party === party,
  );
}
