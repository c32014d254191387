import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  SignJWT,
  UnsecuredJWT,
  decodeProtectedHeader,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';
import * as client from 'openid-client';
import { GATEWAY_CREDENTIAL_HEADER, Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import {
  startIdentityForTest,
  type RunningIdentity,
} from '../apps/identity/src/identity.testing.js';
import { KeySealer } from '../apps/identity/src/signing-keys/infrastructure/key-sealing.js';
import type { Standalone } from '../apps/standalone/src/start-standalone.js';
import { eventually } from './support/service-processes.js';
import { startTestStandalone } from './support/systems.js';

const RESOURCE = 'urn:clearinghouse:api';
const SECRET = randomBytes(32).toString('hex');
const KEY_SECRET = randomBytes(32).toString('hex');
const INFO_QUERIES: Record<string, string> = {
  'rights-registry': 'rightsRegistryInfo',
  authorization: 'authorizationInfo',
  'opt-out': 'optOutInfo',
  'royalty-distribution': 'royaltyDistributionInfo',
  notifications: 'notificationsInfo',
};

interface Machine {
  client_id: string;
  client_secret: string;
  grant_types: string[];
  response_types: string[];
  redirect_uris: string[];
  role: Role;
  party?: string;
}

const machine = (role: Role, party?: string): Machine => ({
  client_id: `${role.toLowerCase()}-${randomBytes(4).toString('hex')}`,
  client_secret: randomBytes(24).toString('hex'),
  grant_types: ['client_credentials'],
  response_types: [],
  redirect_uris: [],
  role,
  ...(party ? { party } : {}),
});

interface GraphqlAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function graphql(
  url: string,
  query: string,
  headers: Record<string, string> = {},
): Promise<GraphqlAnswer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as GraphqlAnswer;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A client-credentials access token through a discovered issuer (openid-client). */
async function discoveredToken(issuer: string, machine: Machine): Promise<string> {
  const configuration = await client.discovery(
    new URL(issuer),
    machine.client_id,
    undefined,
    client.ClientSecretBasic(machine.client_secret),
    { execute: [client.allowInsecureRequests] },
  );
  return (await client.clientCredentialsGrant(configuration, { resource: RESOURCE })).access_token;
}

/** The same from a replica of the provider (same issuer, same keys, its own address). */
async function replicaToken(replica: RunningIdentity, machine: Machine): Promise<string> {
  const address = replica.app.getHttpServer().address() as { port: number };
  const configuration = new client.Configuration(
    {
      issuer: replica.issuer,
      token_endpoint: `http://127.0.0.1:${address.port}${new URL(replica.issuer).pathname}/token`,
    },
    machine.client_id,
    undefined,
    client.ClientSecretBasic(machine.client_secret),
  );
  client.allowInsecureRequests(configuration);
  return (await client.clientCredentialsGrant(configuration, { resource: RESOURCE })).access_token;
}

describe('identity tokens verified by the JWKS at the gateway and every subgraph', () => {
  let database: TestDatabase;
  let foreignDatabase: TestDatabase;
  let dataDir: string;
  let sut: Standalone;
  let replica: RunningIdentity;
  let foreign: RunningIdentity;
  let issuer: string;
  let platformId: string;
  let operatorToken: string;
  let platformToken: string;
  const operatorMachine = machine(Role.OPERATOR);
  const strangerMachine = machine(Role.PLATFORM, randomUUID());
  let platformMachine: Machine;

  /** Every subgraph, asked straight (with the gateway's credential, as the gateway asks). */
  function subgraphs(): { name: string; url: string }[] {
    return sut.services;
  }

  async function gatewayCredential(): Promise<string> {
    return (await readFile(path.join(dataDir, 'subgraph-secret'), 'utf8')).trim();
  }

  /** A token signed with the identity app's real current key, with claims of the test's choice. */
  async function signedWithProviderKey(
    claims: Record<string, unknown>,
    header: { typ?: string } = { typ: 'at+jwt' },
    expiresAt = Math.floor(Date.now() / 1000) + 300,
  ): Promise<string> {
    const kid = replica.host.signingKid!;
    const rows = await replica.dataSource.query<{ sealed_private_jwk: string }[]>(
      'SELECT sealed_private_jwk FROM identity.signing_keys WHERE kid = $1',
      [kid],
    );
    const jwk = JSON.parse(new KeySealer(KEY_SECRET).open(kid, rows[0]!.sealed_private_jwk)) as JWK;
    const payload = { role: Role.PLATFORM, party: platformId, aud: RESOURCE, ...claims };
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'ES256', kid, ...header })
      .setIssuer(issuer)
      .setSubject('x')
      .setIssuedAt(expiresAt - 600)
      .setExpirationTime(expiresAt)
      .sign(await importJWK(jwk, 'ES256'));
  }

  /** The refusal a token gets at the gateway and at each subgraph: one sentence, everywhere. */
  async function refusals(token: string): Promise<string[]> {
    const credential = await gatewayCredential();
    const answers = [
      await graphql(
        sut.gatewayUrl,
        '{ licenses(first: 1) { pageInfo { hasNextPage } } }',
        bearer(token),
      ),
      ...(await Promise.all(
        subgraphs().map(({ name, url }) =>
          graphql(url, `{ ${INFO_QUERIES[name]} { name } }`, {
            ...bearer(token),
            [GATEWAY_CREDENTIAL_HEADER]: credential,
          }),
        ),
      )),
    ];
    for (const answer of answers) {
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    return [...new Set(answers.map((answer) => answer.errors![0]!.message))];
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    foreignDatabase = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'identity-tokens-'));
    sut = await startTestStandalone(database.url, {
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: SECRET,
      IDENTITY_KEY_SECRET: KEY_SECRET,
      IDENTITY_CLIENTS: JSON.stringify([operatorMachine]),
      // Key sets refetched at once on an unknown kid (the default waits 10 s between fetches).
      AUTH_JWKS_COOLDOWN_MS: '0',
      // The provider of the gateway picks up keys made by its replica within a second.
      IDENTITY_KEY_CHECK_INTERVAL_MS: '1000',
    });
    issuer = sut.identity.issuer;

    // The operator machine signs in by client credentials through the gateway, and registers
    // the platform whose machine comes next.
    operatorToken = await discoveredToken(issuer, operatorMachine);
    const registered = await graphql(
      sut.gatewayUrl,
      'mutation { registerParty(input: { kind: PLATFORM, name: "Streaming Co" }) { id } }',
      bearer(operatorToken),
    );
    platformId = (registered.data!.registerParty as { id: string }).id;
    platformMachine = machine(Role.PLATFORM, platformId);

    // A replica of the provider (same database, secret and issuer) that knows the platform's
    // machine; a provider of another issuer, on a database of its own.
    replica = await startIdentityForTest(database.url, dataDir, {
      IDENTITY_ISSUER: issuer,
      IDENTITY_KEY_SECRET: KEY_SECRET,
      IDENTITY_CLIENTS: JSON.stringify([platformMachine, strangerMachine]),
    });
    foreign = await startIdentityForTest(foreignDatabase.url, dataDir, {
      IDENTITY_KEY_SECRET: randomBytes(32).toString('hex'),
      IDENTITY_CLIENTS: JSON.stringify([platformMachine]),
    });
    platformToken = await replicaToken(replica, platformMachine);

    // Every service has heard of the platform (read models follow events).
    const credential = await gatewayCredential();
    await eventually(async () => {
      const answers = await Promise.all(
        subgraphs().map(({ name, url }) =>
          graphql(url, `{ ${INFO_QUERIES[name]} { name } }`, {
            ...bearer(platformToken),
            [GATEWAY_CREDENTIAL_HEADER]: credential,
          }),
        ),
      );
      return answers.every((answer) => answer.errors?.[0]?.extensions?.code === 'FORBIDDEN');
    }, 30_000);
  }, 180_000);

  afterAll(async () => {
    await foreign?.app.close();
    await replica?.app.close();
    await sut?.stop();
    await database?.drop();
    await foreignDatabase?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('should serve the provider at the gateway, its issuer being the gateway address', async () => {
    expect(issuer).toBe(`${sut.gatewayUrl}/oidc`);
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, string>;
    expect(discovery.issuer).toBe(issuer);
    expect(discovery.token_endpoint).toBe(`${issuer}/token`);
    expect(discovery.jwks_uri).toBe(`${issuer}/jwks`);
    const header = decodeProtectedHeader(operatorToken);
    expect(header).toMatchObject({ typ: 'at+jwt', alg: 'ES256' });
  });

  it('should accept an operator machine token through the gateway and at every subgraph', async () => {
    const credential = await gatewayCredential();
    for (const { name, url } of subgraphs()) {
      const answer = await graphql(url, `{ ${INFO_QUERIES[name]} { name } }`, {
        ...bearer(operatorToken),
        [GATEWAY_CREDENTIAL_HEADER]: credential,
      });
      expect(answer.errors).toBeUndefined();
      expect(answer.data![INFO_QUERIES[name]!]).toEqual({ name });
    }
  });

  it('should accept a platform machine token through the gateway and at every subgraph', async () => {
    const through = await graphql(
      sut.gatewayUrl,
      `{ licenses(first: 1) { pageInfo { hasNextPage } } usageReport(id: "${randomUUID()}") { id } }`,
      bearer(platformToken),
    );
    expect(through.errors ?? []).not.toContainEqual(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    );
    expect(through.data?.licenses).toEqual({ pageInfo: { hasNextPage: false } });
    const credential = await gatewayCredential();
    for (const { name, url } of subgraphs()) {
      // Known as a PLATFORM caller: the operators' query is forbidden to it, not unauthenticated.
      const answer = await graphql(url, `{ ${INFO_QUERIES[name]} { name } }`, {
        ...bearer(platformToken),
        [GATEWAY_CREDENTIAL_HEADER]: credential,
      });
      expect(answer.errors?.[0]).toMatchObject({
        message: expect.stringContaining('role PLATFORM may not'),
        extensions: { code: 'FORBIDDEN' },
      });
    }
  });

  it('should refuse an expired token', async () => {
    const expired = await signedWithProviderKey({}, undefined, Math.floor(Date.now() / 1000) - 120);
    expect(await refusals(expired)).toEqual(['the token has expired']);
  });

  it('should refuse tokens of another issuer: another provider, or a foreign key', async () => {
    const otherProvider = await discoveredToken(foreign.issuer, platformMachine);
    expect(await refusals(otherProvider)).toEqual([
      'the token was issued by another issuer than this API trusts',
    ]);
    // Claims and kid as the real provider's, signed with a key of someone else.
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ role: Role.OPERATOR })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: replica.host.signingKid! })
      .setIssuer(issuer)
      .setAudience(RESOURCE)
      .setSubject('intruder')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await refusals(forged)).toEqual(['the token signature does not verify']);
    const unknownKid = await new SignJWT({ role: Role.OPERATOR })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'not-a-published-key' })
      .setIssuer(issuer)
      .setAudience(RESOURCE)
      .setSubject('intruder')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await refusals(unknownKid)).toEqual([
      'the token is signed by a key its issuer does not publish',
    ]);
  });

  it('should refuse a token for another audience, and an ID-token-like typ JWT', async () => {
    expect(await refusals(await signedWithProviderKey({ aud: 'urn:elsewhere' }))).toEqual([
      'the token is not meant for this API (its audience)',
    ]);
    expect(await refusals(await signedWithProviderKey({}, { typ: 'JWT' }))).toEqual([
      'the token is not an access token (its type must be at+jwt)',
    ]);
  });

  it('should refuse an unsigned token and an HS256 token forged with the public key', async () => {
    const unsigned = new UnsecuredJWT({ role: Role.OPERATOR })
      .setIssuer(issuer)
      .setAudience(RESOURCE)
      .setSubject('intruder')
      .setExpirationTime('5m')
      .encode();
    expect(await refusals(unsigned)).toEqual([
      'the token is signed with an algorithm this API does not accept (only ES256, RS256)',
    ]);
    const jwks = (await (await fetch(`${issuer}/jwks`)).json()) as { keys: JWK[] };
    const publicKey = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
    const confused = await new SignJWT({ role: Role.OPERATOR })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: jwks.keys[0]!.kid! })
      .setIssuer(issuer)
      .setAudience(RESOURCE)
      .setSubject(randomUUID())
      .setExpirationTime('5m')
      .sign(publicKey);
    expect(await refusals(confused)).toEqual(['the token is not valid']);
  });

  it('should refuse a token naming a party that is not registered', async () => {
    const stranger = await replicaToken(replica, strangerMachine);
    expect(await refusals(stranger)).toEqual(['the token names a party that is not registered']);
  });

  it('should keep accepting old and new tokens across a key rotation, requests in flight', async () => {
    const before = platformToken;
    const oldKid = decodeProtectedHeader(before).kid;
    const ask = async (token: string) => {
      const answer = await graphql(
        sut.gatewayUrl,
        '{ licenses(first: 1) { pageInfo { hasNextPage } } }',
        bearer(token),
      );
      return answer.errors?.[0]?.message ?? 'accepted';
    };
    const inFlight = Array.from({ length: 20 }, () => ask(before));
    await replica.host.rotate();
    const newKid = replica.host.signingKid;
    expect(newKid).not.toBe(oldKid);
    // Every replica of the provider serves the new key within its check interval.
    await eventually(async () => {
      const jwks = (await (await fetch(`${issuer}/jwks`)).json()) as { keys: JWK[] };
      return jwks.keys[0]?.kid === newKid;
    });
    const after = await replicaToken(replica, platformMachine);
    const operatorAfter = await discoveredToken(issuer, operatorMachine);
    expect(decodeProtectedHeader(after).kid).toBe(newKid);
    expect(decodeProtectedHeader(operatorAfter).kid).toBe(newKid);
    inFlight.push(...Array.from({ length: 20 }, (_, index) => ask(index % 2 ? before : after)));
    expect(new Set(await Promise.all(inFlight))).toEqual(new Set(['accepted']));
    // Straight at each subgraph too, without any restart.
    const credential = await gatewayCredential();
    for (const token of [before, after]) {
      for (const { name, url } of subgraphs()) {
        const answer = await graphql(url, `{ ${INFO_QUERIES[name]} { name } }`, {
          ...bearer(token),
          [GATEWAY_CREDENTIAL_HEADER]: credential,
        });
        expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      const operatorAnswer = await graphql(
        sut.gatewayUrl,
        '{ rightsRegistryInfo { name } }',
        bearer(operatorAfter),
      );
      expect(operatorAnswer.errors).toBeUndefined();
    }
  });

  it('should still accept the shared-secret tokens of tests while a secret is configured', async () => {
    const hs256 = await new Tokens(SECRET).issue({ role: Role.PLATFORM, partyId: platformId }, 60);
    const answer = await graphql(
      sut.gatewayUrl,
      '{ licenses(first: 1) { pageInfo { hasNextPage } } }',
      bearer(hs256),
    );
    expect(answer.errors).toBeUndefined();
  });
});
