import * as oidc from 'openid-client';

/** Hosts over which a client secret or a person's tokens may travel in plain HTTP. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why requests to this issuer may not be made (a sentence), or undefined: plain HTTP only to
 * this machine, so no client secret or token crosses a network unencrypted.
 */
export function insecureIssuerProblem(issuer: URL): string | undefined {
  if (issuer.protocol !== 'http:' || LOOPBACK.has(issuer.hostname)) return undefined;
  return `the issuer ${issuer.href} is plain HTTP on another machine: credentials and tokens are sent only over HTTPS, or to this machine`;
}

/** openid-client's request options for the issuer: plain HTTP allowed to this machine only. */
export function issuerDiscoveryOptions(issuer: URL): oidc.DiscoveryRequestOptions | undefined {
  const problem = insecureIssuerProblem(issuer);
  if (problem) throw new Error(problem);
  return issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined;
}

/** What went wrong with a request to the issuer, without anything sent (no secret or token). */
export function describeOidcError(error: unknown): string {
  if (error instanceof oidc.ResponseBodyError) return error.error;
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return cause ?? (error instanceof Error ? error.message : String(error));
}
