/**
 * A browser for tests: keeps the cookies the server sets, does not follow redirects (tests
 * follow them to see each step), posts forms urlencoded as a browser does.
 */
export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly headers: Record<string, string> = {}) {}

  get(url: URL | string): Promise<Response> {
    return this.request(url, { method: 'GET' });
  }

  post(url: URL | string, form: Record<string, string>): Promise<Response> {
    return this.request(url, {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  private async request(url: URL | string, init: RequestInit): Promise<Response> {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...this.headers,
        ...(init.headers as Record<string, string> | undefined),
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

/** A form of a page as a browser would submit it: its action and its fields' values. */
export interface PageForm {
  action: string;
  fields: Record<string, string>;
}

/** The forms of an HTML page (hidden fields with their values, others empty). */
export function formsOf(html: string): PageForm[] {
  return [...html.matchAll(/<form\s[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)].map(
    ([, action = '', body = '']) => ({
      action: unescape(action),
      fields: Object.fromEntries(
        [...body.matchAll(/<input\s([^>]*)>/g)].map(([, attributes = '']) => [
          unescape(/name="([^"]*)"/.exec(attributes)?.[1] ?? ''),
          unescape(/value="([^"]*)"/.exec(attributes)?.[1] ?? ''),
        ]),
      ),
    }),
  );
}

function unescape(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
