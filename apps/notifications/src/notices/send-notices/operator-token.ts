import * as oidc from 'openid-client';
import { describeOidcError, issuerDiscoveryOptions } from '#libs/auth';

/** A token is renewed this long before it expires. */
const RENEW_BEFORE_MS = 60_000;

/**
 * Access tokens of the operator's client for the API resource from the identity provider, by
 * client credentials
 * (`openid-client`: discovery at `<issuer>/.well-known/openid-configuration`, HTTP Basic), kept
 * until shortly before they expire. Plain HTTP only to this machine.
 */
export class OperatorToken {
  private configuration: oidc.Configuration | undefined;
  private token: { value: string; renewAt: number } | undefined;

  constructor(
    private readonly issuer: URL,
    private readonly client: { id: string; secret: () => Promise<string> },
    /** The API's resource identifier the token is for (its `aud`). */
    private readonly resource: string,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<string> {
    if (this.token && this.now() < this.token.renewAt) return this.token.value;
    const configuration = await this.discover();
    try {
      const response = await oidc.clientCredentialsGrant(configuration, {
        resource: this.resource,
      });
      const lifetimeMs = (response.expires_in ?? 300) * 1000;
      this.token = {
        value: response.access_token,
        renewAt: this.now() + Math.max(lifetimeMs - RENEW_BEFORE_MS, lifetimeMs / 2),
      };
      return response.access_token;
    } catch (error) {
      this.configuration = undefined;
      throw new Error(
        `the identity provider gave no operator token (${describeOidcError(error)})`,
        {
          cause: error,
        },
      );
    }
  }

  /** Forgets the token (identity answered 401: it may have been revoked or its keys rotated). */
  forget(): void {
    this.token = undefined;
  }

  private async discover(): Promise<oidc.Configuration> {
    if (this.configuration) return this.configuration;
    const options = issuerDiscoveryOptions(this.issuer);
    try {
      this.configuration = await oidc.discovery(
        this.issuer,
        this.client.id,
        undefined,
        oidc.ClientSecretBasic(await this.client.secret()),
        options,
      );
      return this.configuration;
    } catch (error) {
      throw new Error(`the identity provider cannot be reached (${describeOidcError(error)})`, {
        cause: error,
      });
    }
  }
}
