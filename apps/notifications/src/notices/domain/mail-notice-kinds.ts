/**
 * What a mail notice tells the people of a party (the identity app mails each person who wants
 * the kind, in their language). `ENDPOINT_DISABLED` tells an owner's staff that a webhook
 * endpoint failing for days was turned off.
 */
export enum MailNoticeKind {
  OPT_OUT_CONFIRMED = 'OPT_OUT_CONFIRMED',
  STATEMENT_AVAILABLE = 'STATEMENT_AVAILABLE',
  CLAIM_SETTLED = 'CLAIM_SETTLED',
  DISPUTE_OPENED = 'DISPUTE_OPENED',
  ENDPOINT_DISABLED = 'ENDPOINT_DISABLED',
}

/** The portal's pages each notice links to (paths of the site, apps/portal/src/app/App.tsx). */
export const PORTAL_PATHS = {
  optOuts: '/me/opt-outs',
  statement: (batchId: string) => `/me/money/${batchId}`,
  claims: '/me/claims',
  disputes: '/me/disputes',
} as const;
