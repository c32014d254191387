import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import * as oidc from 'openid-client';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { enterDeviceCode } from '../apps/identity/src/pages/testing/device.js';
import { demoWorks } from '../apps/standalone/src/demo/demo-catalogue.js';
import { startMain } from './support/systems.js';
import { graphqlAt } from './support/graphql.js';

/**
 * `npm start` on a fresh installation (production, no AUTH_JWT_SECRET): the demo is seeded
 * once, with an account per role whose password is printed the one time it is made; a person
 * signs in with it (the CLI's device flow) and acts in the account's role.
 */
describe('standalone demo', () => {
  let database: TestDatabase;
  let dataDir: string;

  /** `npm start` until it is up, with the demo's printed tokens. */
  const start = async () => {
    const main = await startMain({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
    });
    /** The printed line of a demo account: its password, or the note that it was printed. */
    const accountLine = (email: string) =>
      new RegExp(`^  ${email.replace('.', '\\.')} +(.+?) +([A-Z_]+)( \\(.*\\))?$`, 'm').exec(
        main.output,
      );
    const issuer = new RegExp('OpenID issuer: (\\S+)\\)').exec(main.output)![1]!;
    return { ...main, gateway: main.gatewayUrl, accountLine, issuer };
  };

  /** A person's access token: the CLI's device flow, the code entered in a browser. */
  const signIn = async (issuer: string, email: string, password: string) => {
    const cli = await oidc.discovery(new URL(issuer), 'clearinghouse-cli', undefined, oidc.None(), {
      execute: [oidc.allowInsecureRequests],
    });
    const device = await oidc.initiateDeviceAuthorization(cli, {
      scope: 'openid offline_access api',
      resource: 'urn:clearinghouse:api',
    });
    const polled = oidc.pollDeviceAuthorizationGrant(cli, device);
    const page = await enterDeviceCode(device.verification_uri, {
      userCode: device.user_code,
      email,
      password,
      lang: 'en',
    });
    expect(page.status).toBe(200);
    return (await polled).access_token;
  };
  const graphql = (url: string, query: string, token?: string) => graphqlAt(url, query, {}, token);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'demo-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await database?.drop();
  });

  it('should seed the demo on the first run with an account per role, and keep it on the next', async () => {
    const first = await start();
    let operatorPassword: string;
    try {
      expect(first.output).toContain('Demo data is loaded');
      expect(first.output).toContain('The passwords are shown this once');
      const roles: Record<string, string> = {
        'operator@demo.example': 'OPERATOR',
        'society@demo.example': 'SOCIETY_ADMIN',
        'platform@demo.example': 'PLATFORM',
        'yamada@demo.example': 'RIGHT_HOLDER',
        'tanaka@demo.example': 'RIGHT_HOLDER',
      };
      for (const [email, role] of Object.entries(roles)) {
        const line = first.accountLine(email);
        expect(line?.[2]).toBe(role);
        expect(line?.[1]).toMatch(/^[\w-]{20}$/);
      }
      operatorPassword = first.accountLine('operator@demo.example')![1]!;
      // No raw token is printed any more.
      expect(first.output).not.toMatch(/eyJ[\w-]+\.eyJ/);
      const found = await graphql(
        first.gateway,
        '{ searchWorks(query: "夜明けのうた") { title } }',
      );
      expect(found.data!.searchWorks).toContainEqual({ title: '夜明けのうた' });

      const platform = await signIn(
        first.issuer,
        'platform@demo.example',
        first.accountLine('platform@demo.example')![1]!,
      );
      expect(decodeProtectedHeader(platform)).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
      expect(decodeJwt(platform)).toMatchObject({ role: 'PLATFORM' });
      const decided = await graphql(
        first.gateway,
        `
          mutation {
            requestUse(
              input: {
                idempotencyKey: "demo-test"
                items: [
                  {
                    title: "Night Drive"
                    category: MUSIC
                    useType: STREAM
                    territory: "JP"
                    from: "2026-12-01"
                    to: "2027-01-01"
                    expectedQuantity: 10
                  }
                ]
              }
            ) {
              items {
                decision
              }
            }
          }
        `,
        platform,
      );
      expect(decided.data!.requestUse).toEqual({ items: [{ decision: 'GRANTED_ECL' }] });
    } finally {
      await first.stop();
    }
    const second = await start();
    try {
      // The accounts stay; no password is made or printed again.
      expect(second.accountLine('operator@demo.example')?.[1]).toBe('(printed when it was made)');
      expect(second.output).not.toContain(operatorPassword);
      const operator = await signIn(second.issuer, 'operator@demo.example', operatorPassword);
      const works = await graphql(
        second.gateway,
        '{ works(first: 100) { edges { cursor } } }',
        operator,
      );
      expect((works.data!.works as { edges: unknown[] }).edges).toHaveLength(demoWorks().length);
    } finally {
      await second.stop();
    }
  });
});
