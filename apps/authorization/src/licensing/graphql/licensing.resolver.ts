import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { CurrentCaller, Roles, apiError, type Caller } from '#libs/auth';
import { Role } from '#libs/contracts';
import { cursorOf, keyOf, moneyOf, pageOf } from '#libs/runtime';
import { mapAuthorizationErrors } from '../../shared/graphql/authorization-errors.js';
import { LicensingQueries, type LicenseFilter } from '../application/licensing.queries.js';
import { RequestUseHandler } from '../application/request-use.handler.js';
import { revokedCursorOf, revokedPositionOf } from '../domain/revoked-since.js';
import type { LicenseEntity } from '../infrastructure/licensing.entities.js';
import {
  License,
  LicenseConnection,
  LicensesFilterInput,
  RequestUseInput,
  UseRequest,
} from './licensing.types.js';

const MAX_PAGE = 200;

export const licenseView = (license: LicenseEntity): License => ({
  ...license,
  work: license.workId ? { id: license.workId } : null,
  fee: moneyOf(license.feeMinor, license.currency),
  platform: { id: license.platformId },
  society: { id: license.societyId },
});

/**
 * Use requests and licenses. A platform sees only its own; a society admin the licenses under
 * its schemes; the operator everything.
 */
@Resolver()
export class LicensingResolver {
  constructor(
    private readonly requestUseHandler: RequestUseHandler,
    private readonly queries: LicensingQueries,
  ) {}

  @Mutation(() => UseRequest, {
    description: 'Asks for licenses: up to 1000 items, each decided at once.',
  })
  @Roles(Role.PLATFORM)
  async requestUse(
    @Args('input') input: RequestUseInput,
    @CurrentCaller() caller: Caller,
    @Context('req') req: FastifyRequest,
  ): Promise<UseRequest> {
    const id = await mapAuthorizationErrors(() =>
      this.requestUseHandler.execute(caller, input, req.correlationId),
    );
    return this.useRequestView(id, caller);
  }

  @Query(() => UseRequest, {
    nullable: true,
    description:
      'A use request (the platform that made it, the operator); NOT_FOUND for anyone else.',
  })
  @Roles(Role.PLATFORM, Role.OPERATOR)
  useRequest(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<UseRequest | null> {
    return this.useRequestView(id, caller);
  }

  @Query(() => License, {
    nullable: true,
    description:
      "A license (its platform, the admin of the scheme's society, the operator); NOT_FOUND for anyone else.",
  })
  @Roles(Role.PLATFORM, Role.OPERATOR, Role.SOCIETY_ADMIN)
  async license(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<License | null> {
    return licenseView(await mapAuthorizationErrors(() => this.queries.visibleLicense(caller, id)));
  }

  @Query(() => LicenseConnection)
  @Roles(Role.PLATFORM, Role.OPERATOR, Role.SOCIETY_ADMIN)
  async licenses(
    @CurrentCaller() caller: Caller,
    @Args('filter', { nullable: true }) filter?: LicensesFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first = 50,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<LicenseConnection> {
    if (first < 1 || first > MAX_PAGE)
      throw apiError('BAD_USER_INPUT', `first must be from 1 to ${MAX_PAGE}`);
    const { revokedSince, ...rest } = filter ?? {};
    const scoped: LicenseFilter = { ...rest };
    if (caller.role === Role.PLATFORM) scoped.platformId = caller.partyId;
    if (caller.role === Role.SOCIETY_ADMIN) scoped.societyId = caller.partyId;
    if (revokedSince) return this.revokedSince(scoped, new Date(revokedSince), first, after);
    const rows = await this.queries.page(scoped, first, after ? keyOf(after) : undefined);
    const { rows: page, pageInfo } = pageOf(rows, first, (license) => license.id);
    return {
      edges: page.map((license) => ({ node: licenseView(license), cursor: cursorOf(license.id) })),
      pageInfo,
    };
  }

  /** Licenses revoked since an instant, paged by (revokedAt, id). */
  private async revokedSince(
    filter: LicenseFilter,
    since: Date,
    first: number,
    after?: string,
  ): Promise<LicenseConnection> {
    const position = after ? revokedPositionOf(after) : undefined;
    if (position === null)
      throw apiError('BAD_USER_INPUT', 'after: the cursor is not one of a revokedSince list');
    const rows = await this.queries.revokedPage(filter, since, first, position);
    const cursor = (license: LicenseEntity) =>
      revokedCursorOf({ revokedAt: license.revokedAt!, id: license.id });
    const { rows: page, pageInfo } = pageOf(rows, first, cursor);
    return {
      edges: page.map((license) => ({ node: licenseView(license), cursor: cursor(license) })),
      pageInfo: { ...pageInfo, endCursor: page.length ? cursor(page[page.length - 1]!) : null },
    };
  }

  private async useRequestView(id: string, caller: Caller): Promise<UseRequest> {
    const request = await mapAuthorizationErrors(() => this.queries.visibleUseRequest(caller, id));
    const licenses = await this.queries.licensesByIds(
      request.items.flatMap((item) => (item.licenseId ? [item.licenseId] : [])),
    );
    return {
      id: request.id,
      createdAt: request.createdAt,
      items: request.items.map((item) => {
        const license = item.licenseId ? licenses.get(item.licenseId) : undefined;
        return {
          index: item.index,
          decision: item.decision,
          reason: item.reason,
          work: item.workId ? { id: item.workId } : null,
          match:
            item.matchMethod && item.matchScore !== null
              ? { method: item.matchMethod, score: item.matchScore }
              : null,
          candidates: item.candidates.map(({ workId, method, score }) => ({
            work: { id: workId },
            method,
            score,
          })),
          license: license ? licenseView(license) : null,
          price: license ? moneyOf(license.feeMinor, license.currency) : null,
          contactHolders: item.contactHolderIds.map((holderId) => ({ id: holderId })),
          unidentifiedReference: item.unidentifiedReference,
          decidedAt: item.decidedAt,
          previousDecision: item.previousDecision,
        };
      }),
    };
  }
}
