import type { Language } from '../accounts/domain/language.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A piece of markup that is already safe. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** A template tag: interpolated values are escaped unless they are Html (or arrays of it). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new Html(out);
}

function render(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' ? escape(value) : '';
}

/** Where the pages' one style sheet is served (no inline styles or scripts: a strict CSP). */
export const STYLE_PATH = '/pages/style.css';

/**
 * The pages' Content-Security-Policy: their own style sheet and scripts (files served here, never
 * inline), requests to this origin only, nothing else loads.
 */
export const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

export interface PageShell {
  lang: Language;
  title: string;
  /** The same page in the other language. */
  switchHref: string;
  switchLabel: string;
  switchLang: Language;
  languageNav: string;
  body: Html;
  /** Scripts of this app the page loads (deferred); the page works without them. */
  scripts?: string[];
}

/** A whole page: language, viewport for phones, one style sheet, a language switch, a main. */
export function page(shell: PageShell): string {
  return `<!doctype html>\n${
    html`<html lang="${shell.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${shell.title}</title>
        <link rel="stylesheet" href="${STYLE_PATH}" />
        ${(shell.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
      </head>
      <body>
        <header class="site">
          <nav aria-label="${shell.languageNav}">
            <a href="${shell.switchHref}" lang="${shell.switchLang}" hreflang="${shell.switchLang}"
              >${shell.switchLabel}</a
            >
          </nav>
        </header>
        <main id="main">${shell.body}</main>
      </body>
    </html> `.value
  }`;
}

/**
 * The style sheet: one column, targets at least 44 CSS pixels high (links too, the error
 * summary's among them), contrast above
 * WCAG AA, visible focus, fields in the page's font, Japanese broken between phrases and long
 * words (addresses, client names) wrapped rather than scrolled, a button's edge kept in forced
 * colours.
 */
export const STYLE_SHEET = `*,*::before,*::after{box-sizing:border-box}
html{font-family:"Noto Sans JP","Hiragino Sans",Meiryo,system-ui,sans-serif;font-size:100%;line-height:1.7;color:#1a1a1a;background:#fff;-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;overflow-wrap:anywhere;line-break:strict}
:lang(ja){word-break:auto-phrase}
button,input{font:inherit}
header.site{display:flex;justify-content:flex-end;padding:.25rem 1rem;border-bottom:1px solid #767676}
header.site a,.links a,.error-summary a{display:inline-flex;align-items:center;min-height:2.75rem;padding:0 .25rem}
main{max-width:34rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem;line-height:1.3;margin:1rem 0}
a{color:#0031d8}
a:focus,button:focus,input:focus{outline:3px solid #1a1a1a;outline-offset:2px}
label{display:block;font-weight:700;margin-top:1.25rem}
.hint{color:#4d4d4d;margin:.25rem 0}
input[type=email],input[type=password],input[type=text]{display:block;width:100%;min-height:3rem;font-size:1rem;padding:.5rem .75rem;border:2px solid #4d4d4d;border-radius:.5rem;margin-top:.25rem}
input[aria-invalid=true]{border-color:#c6000b}
.field-error{color:#c6000b;font-weight:700;margin:.25rem 0}
button{display:block;width:100%;min-height:3rem;margin-top:1.5rem;font-size:1rem;font-weight:700;color:#fff;background:#0031d8;border:2px solid transparent;border-radius:.5rem;cursor:pointer}
button.secondary{color:#0031d8;background:#fff;border:2px solid #0031d8}
.error-summary{border:3px solid #c6000b;border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
.error-summary h2{font-size:1.25rem;margin:0 0 .5rem}
.links{margin-top:1.5rem;padding-left:1.25rem}
.links li{margin:.25rem 0}
section{border-top:1px solid #767676;margin-top:2rem;padding-top:.5rem}
h2{font-size:1.375rem;line-height:1.4;margin:1rem 0 .5rem}
dl{margin:0}dt{font-weight:700;margin-top:.5rem}dd{margin:0}
select{display:block;width:100%;min-height:3rem;font-size:1rem;padding:.5rem;border:2px solid #4d4d4d;border-radius:.5rem;margin-top:.25rem;background:#fff}
select:focus{outline:3px solid #1a1a1a;outline-offset:2px}
.status{border:3px solid #197a4b;border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
.passkey{border:1px solid #767676;border-radius:.5rem;padding:.5rem 1rem;margin:1rem 0}
button.danger{background:#c6000b}
fieldset{border:0;padding:0;margin:1.25rem 0 0;min-width:0}
legend{font-weight:700;padding:0}
.choice{display:flex;align-items:center;gap:.75rem;min-height:2.75rem}
.choice input{flex:none;width:1.5rem;height:1.5rem;margin:0}
.choice label{font-weight:400;margin:0}
[hidden]{display:none!important}
`;

/**
 * The box a page opens with when a form was refused: announced at once (`role=alert`), titled,
 * with the problem as a link to its field when it has one, so a keyboard or screen-reader user
 * lands there.
 */
export function errorSummary(title: string, message: string, field?: string): Html {
  return html`<div
    class="error-summary"
    role="alert"
    aria-labelledby="error-summary-title"
    tabindex="-1"
  >
    <h2 id="error-summary-title">${title}</h2>
    <ul>
      <li>${field ? html`<a href="#${field}">${message}</a>` : message}</li>
    </ul>
  </div>`;
}
