import { OptOutScope, PartyKind, Role, UseType } from '#libs/contracts';
import { OptOutError, OptOutErrorCode } from './opt-out.errors.js';

/** How far in the past an `effectiveFrom` may lie (clock skew between client and server). */
export const EFFECTIVE_FROM_TOLERANCE_MS = 60_000;

export interface OptOutRequest {
  holderId: string;
  scope: OptOutScope;
  workId?: string | null;
  useTypes?: UseType[] | null;
  effectiveFrom?: Date | null;
}

export interface Caller {
  role: Role;
  partyId: string;
}

/** What the service knows of the holder and the work when the request arrives. */
export interface OptOutFacts {
  now: Date;
  holderKind: PartyKind | undefined;
  /** Societies the holder is a member of today. */
  holderSocietyIds: readonly string[];
  /** For scope WORK: whether the work is known, and whether the holder has a share in it. */
  work?: { known: boolean; holderHasShare: boolean };
}

export interface AcceptedOptOut {
  holderId: string;
  scope: OptOutScope;
  workId: string | null;
  useTypes: UseType[];
  effectiveFrom: Date;
}

/**
 * Who may act for a holder: the holder itself, an admin of a society it is a member of, or the
 * operator. Returns why not, or undefined.
 */
export function refusalToActFor(
  caller: Caller,
  holderId: string,
  holderSocietyIds: readonly string[],
): string | undefined {
  switch (caller.role) {
    case Role.OPERATOR:
      return undefined;
    case Role.RIGHT_HOLDER:
      return caller.partyId === holderId ? undefined : 'a right holder acts only for itself';
    case Role.SOCIETY_ADMIN:
      return holderSocietyIds.includes(caller.partyId)
        ? undefined
        : "a society admin acts only for its society's members";
    case Role.PLATFORM:
      return 'platforms do not opt works out';
  }
}

/**
 * Who may read a holder's opt-outs, one or all of them: whoever may act for the holder. To
 * anyone else they are NOT_FOUND, as for a holder or an opt-out that does not exist.
 */
export function mayReadOptOutsOf(
  caller: Caller,
  holderId: string,
  holderSocietyIds: readonly string[],
): boolean {
  return refusalToActFor(caller, holderId, holderSocietyIds) === undefined;
}

/**
 * Checks an opt-out request in full. `effectiveFrom` defaults to now and may not lie in the
 * past, except for the operator correcting records. Throws OptOutError.
 */
export function acceptOptOut(
  caller: Caller,
  request: OptOutRequest,
  facts: OptOutFacts,
): AcceptedOptOut {
  const workId = request.workId ?? null;
  if (request.scope === OptOutScope.WORK && !workId) {
    throw new OptOutError(OptOutErrorCode.INVALID_OPT_OUT, 'scope WORK needs a workId');
  }
  if (request.scope === OptOutScope.ALL_WORKS && workId) {
    throw new OptOutError(
      OptOutErrorCode.INVALID_OPT_OUT,
      'scope ALL_WORKS covers every work of the holder: give no workId',
    );
  }
  const effectiveFrom = request.effectiveFrom ?? facts.now;
  if (
    effectiveFrom.getTime() < facts.now.getTime() - EFFECTIVE_FROM_TOLERANCE_MS &&
    caller.role !== Role.OPERATOR
  ) {
    throw new OptOutError(
      OptOutErrorCode.INVALID_OPT_OUT,
      'effectiveFrom may not be in the past (only the operator corrects past records)',
    );
  }
  if (facts.holderKind !== PartyKind.RIGHT_HOLDER) {
    throw new OptOutError(
      OptOutErrorCode.NOT_FOUND,
      `holder ${request.holderId} is not a registered right holder`,
    );
  }
  const refusal = refusalToActFor(caller, request.holderId, facts.holderSocietyIds);
  if (refusal) throw new OptOutError(OptOutErrorCode.NOT_ALLOWED, refusal);
  if (request.scope === OptOutScope.WORK) {
    if (!facts.work?.known) {
      throw new OptOutError(OptOutErrorCode.NOT_FOUND, `work ${workId} is not registered`);
    }
    if (!facts.work.holderHasShare) {
      throw new OptOutError(
        OptOutErrorCode.NOT_ALLOWED,
        `holder ${request.holderId} has no share in work ${workId}`,
      );
    }
  }
  const useTypes = [...new Set(request.useTypes ?? [])].sort(
    (a, b) => Object.values(UseType).indexOf(a) - Object.values(UseType).indexOf(b),
  );
  return { holderId: request.holderId, scope: request.scope, workId, useTypes, effectiveFrom };
}

/**
 * The opt-out already registered that a new one would repeat: not withdrawn, for the same
 * holder, scope, work and set of use types, and effective no later than the new one. A request
 * that differs in any of these (more or fewer use types, an earlier start) is a new opt-out.
 */
export function repeatedOptOut<
  T extends Pick<AcceptedOptOut, 'holderId' | 'scope' | 'workId' | 'useTypes' | 'effectiveFrom'> & {
    withdrawnAt: Date | null;
  },
>(accepted: AcceptedOptOut, registered: readonly T[]): T | undefined {
  const uses = (useTypes: readonly UseType[]) => [...new Set(useTypes)].sort().join(',');
  return registered.find(
    (optOut) =>
      optOut.withdrawnAt === null &&
      optOut.holderId === accepted.holderId &&
      optOut.scope === accepted.scope &&
      optOut.workId === accepted.workId &&
      uses(optOut.useTypes) === uses(accepted.useTypes) &&
      optOut.effectiveFrom.getTime() <= accepted.effectiveFrom.getTime(),
  );
}

/** Words the holder can keep as confirmation of its opt-out. */
export function confirmationOf(optOut: {
  id: string;
  scope: OptOutScope;
  workId: string | null;
  useTypes: readonly UseType[];
  effectiveFrom: Date;
  withdrawnAt: Date | null;
  registeredAt: Date;
}): string {
  const what =
    optOut.scope === OptOutScope.ALL_WORKS
      ? 'all works of the holder, including works registered later,'
      : `work ${optOut.workId}`;
  const uses = optOut.useTypes.length ? optOut.useTypes.join(', ') : 'every use';
  const withdrawn = optOut.withdrawnAt
    ? ` Withdrawn: back under the scheme from ${optOut.withdrawnAt.toISOString()}.`
    : '';
  return (
    `Opt-out ${optOut.id} registered ${optOut.registeredAt.toISOString()}: ${what} ` +
    `out of extended collective licensing for ${uses} from ${optOut.effectiveFrom.toISOString()}.` +
    withdrawn
  );
}
