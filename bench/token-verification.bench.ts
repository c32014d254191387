import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as client from 'openid-client';
import { Tokens, resolveTokens } from '#libs/auth';
import { GatewayConfig, loadConfig } from '#libs/config';
import { Role } from '#libs/contracts';
import { createTestDatabase } from '#libs/testing';
import { startIdentityForTest } from '../apps/identity/src/identity.testing.js';
import {
  machine,
  percentile,
  recordResults,
  round,
  withBenchDatabase,
  type BenchmarkSuite,
} from './harness.js';

const VERIFICATIONS = Number(process.env.BENCH_VERIFICATIONS ?? 20_000);

/** `VERIFICATIONS` verifications of one token, one after another: microseconds each. */
async function measure(tokens: Tokens, token: string): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < VERIFICATIONS; index += 1) {
    const begun = performance.now();
    await tokens.verify(token);
    times.push((performance.now() - begun) * 1000);
  }
  return times;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * What verifying a bearer token costs the gateway per request (its verifier, built from its
 * configuration as at start): an ES256 access token of the identity app, checked with the key
 * set fetched from the running provider's JWKS (cached after the first request), against an
 * HS256 token of the shared secret, in the same run.
 */
export const tokenVerificationBenchmark: BenchmarkSuite = {
  name: 'token-verification',
  description: 'cost of verifying one bearer token at the gateway: JWKS (ES256) vs HS256',
  run: () =>
    withBenchDatabase([], async () => {
      const database = await createTestDatabase();
      const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-tokens-'));
      const platform = {
        client_id: 'bench-platform',
        client_secret: randomBytes(24).toString('hex'),
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        role: Role.PLATFORM,
        party: randomUUID(),
      };
      const identity = await startIdentityForTest(database.url, dataDir, {
        IDENTITY_CLIENTS: JSON.stringify([platform]),
      });
      try {
        const secret = randomBytes(32).toString('hex');
        const config = loadConfig(GatewayConfig, {
          DATA_DIR: dataDir,
          AUTH_JWT_SECRET: secret,
          AUTH_ISSUER: identity.issuer,
        });
        const tokens = await resolveTokens(config);
        const configuration = await client.discovery(
          new URL(identity.issuer),
          platform.client_id,
          undefined,
          client.ClientSecretBasic(platform.client_secret),
          { execute: [client.allowInsecureRequests] },
        );
        const es256 = (
          await client.clientCredentialsGrant(configuration, { resource: config.AUTH_AUDIENCE })
        ).access_token;
        const hs256 = await new Tokens(secret).issue(
          { role: Role.PLATFORM, partyId: platform.party },
          3600,
        );
        await tokens.verify(es256); // the key set is fetched here, once
        await measure(tokens, hs256); // warm up both paths
        await measure(tokens, es256);
        const shared = await measure(tokens, hs256);
        const jwks = await measure(tokens, es256);
        const ratio = mean(jwks) / mean(shared);
        const row = (label: string, times: number[]) =>
          `| ${label} | ${round(mean(times), 1)} µs; p50 ${round(percentile(times, 50), 1)} µs, p99 ${round(percentile(times, 99), 1)} µs |`;
        const markdown = [
          '## token-verification',
          '',
          `\`npm run bench -- token-verification\`, ${new Date().toISOString().slice(0, 10)}, ${machine()}; ${VERIFICATIONS} verifications of each token one after another, with the gateway's verifier (resolveTokens of its configuration).`,
          '',
          '| measure | result |',
          '| --- | --- |',
          row('HS256 token (shared secret, today)', shared),
          row(
            "ES256 access token of the identity app (RFC 9068 checks; the issuer's JWKS fetched once and cached)",
            jwks,
          ),
          `| JWKS (ES256) / HS256 cost per request | **${round(ratio, 1)}x** (${round(mean(jwks) - mean(shared), 1)} µs more per request) |`,
        ].join('\n');
        await recordResults('token-verification', markdown);
        return markdown;
      } finally {
        await identity.app.close();
        await database.drop();
        await rm(dataDir, { recursive: true, force: true });
      }
    }),
};
