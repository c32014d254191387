import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { Role } from '#libs/contracts';
import { DEFAULT_CLAIMS } from './access-token-claims.js';
import { IssuerTokens } from './issuer-tokens.js';

const AUDIENCE = 'urn:clearinghouse:api';
const PARTY = '5f0c7a52-1c1e-4c39-9d8e-4f7c2b0a9e11';

/** An issuer on a real HTTP server: discovery and a key set the test changes. */
describe(IssuerTokens.name, () => {
  let server: Server;
  let issuer: string;
  let published: JWK[] = [];
  let discoveredIssuer: string | undefined;
  let keySetFetches = 0;

  async function key(kid: string) {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256' } };
  }

  function token(signer: Awaited<ReturnType<typeof key>>, claims: Record<string, unknown> = {}) {
    return new SignJWT({ role: Role.PLATFORM, party: PARTY, ...claims })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: signer.kid })
      .setIssuer(issuer)
      .setAudience(AUDIENCE)
      .setSubject('machine')
      .setExpirationTime('5m')
      .sign(signer.privateKey);
  }

  const sut = (settings: { cooldownMs?: number; jwksUri?: string } = {}) =>
    new IssuerTokens({ issuer, audience: AUDIENCE, claims: DEFAULT_CLAIMS, ...settings });

  beforeAll(async () => {
    server = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      if (request.url === '/oidc/.well-known/openid-configuration') {
        response.end(
          JSON.stringify({ issuer: discoveredIssuer ?? issuer, jwks_uri: `${issuer}/jwks` }),
        );
      } else if (request.url === '/oidc/jwks') {
        keySetFetches += 1;
        response.end(JSON.stringify({ keys: published }));
      } else {
        response.statusCode = 404;
        response.end('{}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oidc`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('should find the key set by discovery and take a new key without a restart', async () => {
    const first = await key('k1');
    published = [first.jwk];
    const verifier = sut({ cooldownMs: 0 });
    await expect(verifier.verify(await token(first))).resolves.toEqual({
      role: Role.PLATFORM,
      partyId: PARTY,
    });
    const second = await key('k2');
    published = [second.jwk, first.jwk];
    await expect(verifier.verify(await token(second))).resolves.toMatchObject({ partyId: PARTY });
    await expect(verifier.verify(await token(first))).resolves.toMatchObject({ partyId: PARTY });
  });

  it('should fetch the key set at most once per cooldown for unknown key ids', async () => {
    const known = await key('k3');
    published = [known.jwk];
    const verifier = sut({ cooldownMs: 60_000 });
    await verifier.verify(await token(known));
    const before = keySetFetches;
    const stranger = await key('made-up');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expect(verifier.verify(await token(stranger))).rejects.toThrow(
        'the token is signed by a key its issuer does not publish',
      );
    }
    expect(keySetFetches - before).toBeLessThanOrEqual(1);
  });

  it('should refuse to trust a discovery document naming another issuer', async () => {
    const signer = await key('k4');
    published = [signer.jwk];
    discoveredIssuer = 'https://elsewhere.example/oidc';
    try {
      await expect(sut().verify(await token(signer))).rejects.toThrow(
        "the identity provider's keys could not be fetched; retry shortly",
      );
    } finally {
      discoveredIssuer = undefined;
    }
  });

  it('should say the keys are unreachable, and recover when they are back', async () => {
    const signer = await key('k5');
    published = [signer.jwk];
    const unreachable = sut({ jwksUri: 'http://127.0.0.1:1/jwks' });
    await expect(unreachable.verify(await token(signer))).rejects.toThrow(
      "the identity provider's keys could not be fetched; retry shortly",
    );
    const verifier = sut();
    discoveredIssuer = 'https://elsewhere.example/oidc';
    await expect(verifier.verify(await token(signer))).rejects.toThrow('could not be fetched');
    discoveredIssuer = undefined;
    await expect(verifier.verify(await token(signer))).resolves.toMatchObject({ partyId: PARTY });
  });

  it('should refuse HS256 signed with the public key, and a token without a known role', async () => {
    const signer = await key('k6');
    published = [signer.jwk];
    await expect(sut().verify(await token(signer, { role: 'ADMIN' }))).rejects.toThrow(
      'the token carries no known role in its "role" claim',
    );
    const hs256 = await new SignJWT({ role: Role.OPERATOR })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: 'k6' })
      .setIssuer(issuer)
      .setAudience(AUDIENCE)
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(JSON.stringify(signer.jwk)));
    await expect(sut().verify(hs256)).rejects.toThrow('an algorithm this API does not accept');
  });
});
