import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The per-form token against cross-site requests: an HMAC of the form's name and what the form
 * is bound to (the interaction's uid, or the mailed token), under the provider's cookie keys
 * (the first signs, all verify, so keys can rotate). Only a page this app served holds it.
 */
export class FormTokens {
  constructor(private readonly keys: string[]) {
    if (keys.length === 0) throw new Error('form tokens need at least one key');
  }

  issue(form: string, binding: string): string {
    return this.mac(this.keys[0]!, form, binding);
  }

  valid(form: string, binding: string, token: unknown): boolean {
    if (typeof token !== 'string') return false;
    const sent = Buffer.from(token);
    return this.keys.some((key) => {
      const expected = Buffer.from(this.mac(key, form, binding));
      return expected.length === sent.length && timingSafeEqual(expected, sent);
    });
  }

  private mac(key: string, form: string, binding: string): string {
    return createHmac('sha256', key).update(`form-token\0${form}\0${binding}`).digest('base64url');
  }
}
