import type { OptOutRegisteredV1 } from '#libs/contracts';
import { PORTAL_PATHS } from '../domain/mail-notice-kinds.js';

/**
 * The params of an `OPT_OUT_CONFIRMED` notice: what was opted out (a work by its title, its id
 * when the title is not known yet; null for all the holder's works), of which uses (empty: all)
 * and from when.
 */
export function optOutConfirmedParams(
  event: OptOutRegisteredV1,
  workTitle: string | undefined,
): Record<string, unknown> {
  return {
    scope: event.scope,
    workTitle: event.workId ? (workTitle ?? event.workId) : null,
    useTypes: event.useTypes,
    effectiveFrom: event.effectiveFrom,
    path: PORTAL_PATHS.optOuts,
  };
}
