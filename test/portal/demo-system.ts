import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '#libs/testing';
import type { DemoAccount } from '../../apps/identity/src/demo/demo-accounts.js';
import { seedDemoAccounts } from '../../apps/standalone/src/demo/demo-accounts.js';
import { ensureDemo } from '../../apps/standalone/src/demo/seed-demo.js';
import { operatorClientToken } from '../../apps/standalone/src/issuer-client.js';
import type { DemoParties } from '../../apps/standalone/src/demo/demo-parties.js';
import type { Standalone } from '../../apps/standalone/src/start-standalone.js';
import { startTestStandalone } from '../support/systems.js';

/** A fresh standalone system with the demo, as `npm start` makes it on a first run. */
export interface DemoSystem {
  system: Standalone;
  /** DATA_DIR: the mail the system writes is in `mail/` under it. */
  dataDir: string;
  /** The demo's people, with their passwords (made on this first run). */
  accounts: DemoAccount[];
  /** The demo's society, platform and right holders (party ids). */
  parties: DemoParties;
  /** An access token of the installation's operator client (client credentials). */
  operatorToken(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The standalone system on a fresh database and DATA_DIR (free ports, no SMTP: mail goes to
 * DATA_DIR/mail), with the demo seeded through the gateway and its accounts made, as
 * apps/standalone/src/main.ts does when DEMO is not "false".
 */
export async function startDemoSystem(env: Record<string, string> = {}): Promise<DemoSystem> {
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'portal-demo-'));
  const cleanUp = async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  let system: Standalone;
  try {
    system = await startTestStandalone(database.url, { DATA_DIR: dataDir, ...env });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const stop = async () => {
    await system.stop();
    await cleanUp();
  };
  try {
    let accounts: DemoAccount[] = [];
    let seeded: DemoParties | undefined;
    await ensureDemo(
      system.gatewayUrl,
      new URL(system.identity.issuer),
      dataDir,
      () => system.reloadIdentityClients(),
      async (parties) => {
        seeded = parties;
        return (accounts = await seedDemoAccounts(system.databaseUrl, parties));
      },
    );
    return {
      system,
      dataDir,
      accounts,
      parties: seeded!,
      operatorToken: () => operatorClientToken(new URL(system.identity.issuer), dataDir),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
