import {
  CURRENCY_EXPONENTS,
  isCalendarDate,
  isInstant,
  isStorableText,
  isUuid,
  OptOutScope,
  Role,
  UseType,
  WorkCategory,
} from '#libs/contracts';

/** What a notice tells the people of a party; each person turns each kind on or off. */
export enum NoticeKind {
  OPT_OUT_CONFIRMED = 'OPT_OUT_CONFIRMED',
  STATEMENT_AVAILABLE = 'STATEMENT_AVAILABLE',
  CLAIM_SETTLED = 'CLAIM_SETTLED',
  DISPUTE_OPENED = 'DISPUTE_OPENED',
  /** To a platform's or society's staff: a webhook endpoint failing for days was turned off. */
  WEBHOOK_ENDPOINT_DISABLED = 'WEBHOOK_ENDPOINT_DISABLED',
}

/** Every kind, in the order pages list them. */
export const NOTICE_KINDS: readonly NoticeKind[] = Object.values(NoticeKind);

export function isNoticeKind(value: unknown): value is NoticeKind {
  return typeof value === 'string' && (NOTICE_KINDS as readonly string[]).includes(value);
}

/** An amount in integer minor units of a currency (libs/contracts MoneyDto). */
export interface Money {
  amountMinor: string;
  currency: string;
}

/** A day: `YYYY-MM-DD`, or an instant (shown as its day in Japan). */
type Day = string;

interface Linked {
  /** The page of the portal the mail links to: a path of this site, e.g. `/money/statements/…`. */
  path: string;
}

export interface OptOutConfirmedParams extends Linked {
  scope: OptOutScope;
  /** The work opted out (scope WORK); null for all the holder's works. */
  workTitle: string | null;
  /** The uses opted out of; empty: every use. */
  useTypes: UseType[];
  effectiveFrom: Day;
}

export interface StatementAvailableParams extends Linked {
  periodFrom: Day;
  periodTo: Day;
  /** The category of works the batch distributed, if it was for one. */
  category: WorkCategory | null;
  /** What the party receives on the statement. */
  amount: Money;
}

export interface ClaimSettledParams extends Linked {
  /** The work the money was held for, if known. */
  workTitle: string | null;
  amount: Money;
  settledAt: Day;
}

export interface DisputeOpenedParams extends Linked {
  workTitle: string;
  reason: string;
  openedAt: Day;
}

export interface WebhookEndpointDisabledParams extends Linked {
  /** The endpoint's URL. */
  url: string;
  /** The first failure of the streak that disabled it, if known. */
  failingSince: Day | null;
  failedAttempts: number;
}

export interface NoticeParams {
  [NoticeKind.OPT_OUT_CONFIRMED]: OptOutConfirmedParams;
  [NoticeKind.STATEMENT_AVAILABLE]: StatementAvailableParams;
  [NoticeKind.CLAIM_SETTLED]: ClaimSettledParams;
  [NoticeKind.DISPUTE_OPENED]: DisputeOpenedParams;
  [NoticeKind.WEBHOOK_ENDPOINT_DISABLED]: WebhookEndpointDisabledParams;
}

/** A notice of one kind, with that kind's parameters. */
export type KindAndParams = {
  [K in NoticeKind]: { kind: K; params: NoticeParams[K] };
}[NoticeKind];

/** A notice for a party: every person acting for it who wants the kind is mailed once. */
export type Notice = { noticeId: string; partyId: string } & KindAndParams;

export enum NoticeErrorCode {
  INVALID_REQUEST = 'INVALID_REQUEST',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  MAIL_UNAVAILABLE = 'MAIL_UNAVAILABLE',
}

/** The one exception of the notices module; the HTTP layer maps each code to one status. */
export class NoticeError extends Error {
  constructor(
    readonly code: NoticeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'NoticeError';
  }
}

/** Who sends a notice: the role of a verified access token. */
export interface NoticeSender {
  role: string;
}

/** Notices come from the clearinghouse itself: only the operator's clients may send them. */
export function assertMaySendNotices(sender: NoticeSender): void {
  if (sender.role !== String(Role.OPERATOR)) {
    throw new NoticeError(
      NoticeErrorCode.FORBIDDEN,
      "only the operator's clients may send notices (a token of role OPERATOR)",
    );
  }
}

const TEXT_MAX = 500;
const REASON_MAX = 2000;
const PATH_MAX = 500;

function invalid(message: string): NoticeError {
  return new NoticeError(NoticeErrorCode.INVALID_REQUEST, message);
}

function objectAt(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(`${name} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

function uuidAt(value: unknown, name: string): string {
  if (typeof value !== 'string' || !isUuid(value)) throw invalid(`${name} must be a UUID`);
  return value.toLowerCase();
}

function textAt(value: unknown, name: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '' || !isStorableText(value)) {
    throw invalid(`${name} must be a text that is not empty`);
  }
  if (value.length > max) throw invalid(`${name} must be at most ${max} characters`);
  return value.trim();
}

function optionalTextAt(value: unknown, name: string): string | null {
  return value === undefined || value === null ? null : textAt(value, name, TEXT_MAX);
}

function dayAt(value: unknown, name: string): Day {
  if (typeof value !== 'string' || !(isCalendarDate(value) || isInstant(value))) {
    throw invalid(`${name} must be a date YYYY-MM-DD or an ISO 8601 instant with an offset`);
  }
  return value;
}

function enumAt<T extends string>(value: unknown, values: readonly T[], name: string): T {
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    throw invalid(`${name} must be one of ${values.join(', ')}`);
  }
  return value as T;
}

function moneyAt(value: unknown, name: string): Money {
  const money = objectAt(value, name);
  const { amountMinor, currency } = money;
  if (typeof amountMinor !== 'string' || !/^-?(0|[1-9]\d{0,30})$/.test(amountMinor)) {
    throw invalid(`${name}.amountMinor must be an integer number of minor units, as a string`);
  }
  if (typeof currency !== 'string' || !(currency in CURRENCY_EXPONENTS)) {
    throw invalid(`${name}.currency must be one of ${Object.keys(CURRENCY_EXPONENTS).join(', ')}`);
  }
  return { amountMinor, currency };
}

/**
 * A page of this site to link to: a path from the root (`/money/statements/…`), never another
 * site (`//host`, `https://…`), without spaces or control characters.
 */
function pathAt(value: unknown, name: string): string {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.length > PATH_MAX ||
    !/^[\x21-\x7e]+$/.test(value) ||
    value.includes('\\')
  ) {
    throw invalid(
      `${name} must be a path of the portal starting with one /, in printable ASCII, at most ${PATH_MAX} characters`,
    );
  }
  return value;
}

function parseParams(kind: NoticeKind, params: Record<string, unknown>): KindAndParams {
  const path = pathAt(params.path, 'params.path');
  switch (kind) {
    case NoticeKind.OPT_OUT_CONFIRMED: {
      const scope = enumAt(params.scope, Object.values(OptOutScope), 'params.scope');
      const workTitle = optionalTextAt(params.workTitle, 'params.workTitle');
      if (scope === OptOutScope.WORK && workTitle === null) {
        throw invalid('params.workTitle is needed when params.scope is WORK');
      }
      const useTypes = params.useTypes ?? [];
      if (!Array.isArray(useTypes)) {
        throw invalid('params.useTypes must be a list of use types (empty: every use)');
      }
      return {
        kind,
        params: {
          scope,
          workTitle: scope === OptOutScope.WORK ? workTitle : null,
          useTypes: [
            ...new Set(
              useTypes.map((useType, index) =>
                enumAt(useType, Object.values(UseType), `params.useTypes[${index}]`),
              ),
            ),
          ],
          effectiveFrom: dayAt(params.effectiveFrom, 'params.effectiveFrom'),
          path,
        },
      };
    }
    case NoticeKind.STATEMENT_AVAILABLE: {
      const category =
        params.category === undefined || params.category === null
          ? null
          : enumAt(params.category, Object.values(WorkCategory), 'params.category');
      return {
        kind,
        params: {
          periodFrom: dayAt(params.periodFrom, 'params.periodFrom'),
          periodTo: dayAt(params.periodTo, 'params.periodTo'),
          category,
          amount: moneyAt(params.amount, 'params.amount'),
          path,
        },
      };
    }
    case NoticeKind.CLAIM_SETTLED:
      return {
        kind,
        params: {
          workTitle: optionalTextAt(params.workTitle, 'params.workTitle'),
          amount: moneyAt(params.amount, 'params.amount'),
          settledAt: dayAt(params.settledAt, 'params.settledAt'),
          path,
        },
      };
    case NoticeKind.DISPUTE_OPENED:
      return {
        kind,
        params: {
          workTitle: textAt(params.workTitle, 'params.workTitle', TEXT_MAX),
          reason: textAt(params.reason, 'params.reason', REASON_MAX),
          openedAt: dayAt(params.openedAt, 'params.openedAt'),
          path,
        },
      };
    case NoticeKind.WEBHOOK_ENDPOINT_DISABLED: {
      const attempts = params.failedAttempts;
      if (typeof attempts !== 'number' || !Number.isSafeInteger(attempts) || attempts < 0) {
        throw invalid('params.failedAttempts must be a whole number of attempts');
      }
      return {
        kind,
        params: {
          url: textAt(params.url, 'params.url', TEXT_MAX),
          failingSince:
            params.failingSince === undefined || params.failingSince === null
              ? null
              : dayAt(params.failingSince, 'params.failingSince'),
          failedAttempts: attempts,
          path,
        },
      };
    }
  }
}

/**
 * The notice a request body holds, or INVALID_REQUEST with a sentence naming the first field
 * that is wrong (never quoting it). Parameters a kind does not know are ignored.
 */
export function parseNotice(body: unknown): Notice {
  const notice = objectAt(body, 'the body');
  const noticeId = uuidAt(notice.noticeId, 'noticeId');
  const partyId = uuidAt(notice.partyId, 'partyId');
  const kind = enumAt(notice.kind, NOTICE_KINDS, 'kind');
  const params = objectAt(notice.params, 'params');
  return { noticeId, partyId, ...parseParams(kind, params) };
}
