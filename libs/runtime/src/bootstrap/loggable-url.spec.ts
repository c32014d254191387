import { describe, expect, it } from '@jest/globals';
import { loggableUrl } from './loggable-url.js';

describe(loggableUrl.name, () => {
  it('should keep the path and the names of the query parameters, never their values', () => {
    expect(loggableUrl('/account/reset?token=RESET-SECRET&lang=en')).toEqual({
      url: '/account/reset',
      query: ['token', 'lang'],
    });
    expect(loggableUrl('/oidc/device?user_code=BDFG-HJKL')).toEqual({
      url: '/oidc/device',
      query: ['user_code'],
    });
    expect(JSON.stringify(loggableUrl('/account/callback?code=abc&code=def'))).not.toMatch(
      /abc|def/,
    );
  });

  it('should leave a URL without a query as it is', () => {
    expect(loggableUrl('/graphql')).toEqual({ url: '/graphql' });
  });
});
