import type { FastifyReply, FastifyRequest } from 'fastify';
import { chooseLanguage, type Language } from '../accounts/domain/language.js';
import { PAGE_CSP } from './html.js';

/** A form as posted (urlencoded): every field a string, or absent. */
export type FormBody = Partial<Record<string, string>>;

export function formOf(request: FastifyRequest): FormBody {
  const body = request.body;
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/** The reader's language: `lang` of the form or query, else Accept-Language, else Japanese. */
export function languageOf(request: FastifyRequest): Language {
  const query = request.query as Partial<Record<string, unknown>> | undefined;
  return chooseLanguage(formOf(request).lang ?? query?.lang, request.headers['accept-language']);
}

/** Answers with a page: HTML, the pages' CSP, never cached (pages carry form tokens). */
export function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', PAGE_CSP)
    .header('cache-control', 'no-store')
    .send(body);
}

/**
 * Keeps a mailed token out of the request log: the log line names the path only. (The query
 * was read already; the router does not look at the URL again.)
 */
export function forgetQuery(request: FastifyRequest): void {
  const raw = request.raw;
  raw.url = (raw.url ?? '/').split('?')[0];
}
