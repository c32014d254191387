import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '#libs/auth';
import {
  PartyKind,
  SchemeDefined,
  type RightType,
  type UseType,
  type WorkCategory,
} from '#libs/contracts';
import { Outbox } from '#libs/messaging';
import { RegistryViewReader } from '#libs/registry-view';
import {
  AuthorizationError,
  AuthorizationErrorCode,
} from '../../shared/domain/authorization.errors.js';
import { mayManageScheme } from '../../shared/domain/tenancy.js';
import { completeWeights, schemeProblems, type UseTypeWeight } from '../domain/scheme.js';
import { SchemeEntity } from '../infrastructure/scheme.entity.js';

export interface SchemeInput {
  useTypes: UseType[];
  territories: string[];
  unitRateMinor: string;
  currency: string;
  coversUnidentified: boolean;
  weights?: UseTypeWeight[] | null;
}

export interface CreateSchemeInput extends SchemeInput {
  societyId: string;
  category: WorkCategory;
  rightType: RightType;
}

export interface UpdateSchemeInput extends SchemeInput {
  schemeId: string;
  active: boolean;
}

/** The terms a create or an update sets, once the input is checked: use types in enum order. */
function checkedTerms(input: SchemeInput) {
  const problems = schemeProblems(input);
  if (problems.length)
    throw new AuthorizationError(
      AuthorizationErrorCode.INVALID_REQUEST,
      problems.join('; '),
      problems,
    );
  const weights = completeWeights(input.useTypes, input.weights);
  return {
    useTypes: weights.map((w) => w.useType),
    territories: [...new Set(input.territories)].sort(),
    unitRateMinor: BigInt(input.unitRateMinor),
    currency: input.currency,
    coversUnidentified: input.coversUnidentified,
    weights,
  };
}

/** Creates and changes ECL schemes; each state is published as scheme.defined. */
@Injectable()
export class SchemeHandlers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly registry: RegistryViewReader,
  ) {}

  async create(
    caller: Caller,
    input: CreateSchemeInput,
    correlationId: string,
  ): Promise<SchemeEntity> {
    if (!mayManageScheme(caller, input.societyId))
      throw new AuthorizationError(
        AuthorizationErrorCode.NOT_ALLOWED,
        "a society's schemes are managed by the operator or that society's admin",
      );
    const terms = checkedTerms(input);
    return this.dataSource.transaction(async (manager) => {
      if ((await this.registry.partyKind(input.societyId, manager)) !== PartyKind.SOCIETY) {
        throw new AuthorizationError(
          AuthorizationErrorCode.NOT_FOUND,
          `society ${input.societyId} is not a registered collecting society`,
        );
      }
      const scheme = manager.create(SchemeEntity, {
        id: uuidv7(),
        revision: 1,
        societyId: input.societyId,
        category: input.category,
        rightType: input.rightType,
        ...terms,
        active: true,
      });
      await manager.save(scheme);
      await this.publish(manager, scheme, correlationId);
      return scheme;
    });
  }

  async update(
    caller: Caller,
    input: UpdateSchemeInput,
    correlationId: string,
  ): Promise<SchemeEntity> {
    const terms = checkedTerms(input);
    return this.dataSource.transaction(async (manager) => {
      const scheme = await manager.findOne(SchemeEntity, {
        where: { id: input.schemeId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!scheme)
        throw new AuthorizationError(
          AuthorizationErrorCode.NOT_FOUND,
          `no scheme ${input.schemeId}`,
        );
      // Schemes are public (eclSchemes): another society's is seen, but not changed.
      if (!mayManageScheme(caller, scheme.societyId))
        throw new AuthorizationError(
          AuthorizationErrorCode.NOT_ALLOWED,
          `only the operator or the admin of society ${scheme.societyId} changes its schemes`,
        );
      Object.assign(scheme, {
        revision: scheme.revision + 1,
        ...terms,
        active: input.active,
      });
      await manager.save(scheme);
      await this.publish(manager, scheme, correlationId);
      return scheme;
    });
  }

  private async publish(manager: EntityManager, scheme: SchemeEntity, correlationId: string) {
    await this.outbox.add(manager, [
      {
        definition: SchemeDefined,
        aggregateId: scheme.id,
        correlationId,
        payload: {
          schemeId: scheme.id,
          revision: scheme.revision,
          societyId: scheme.societyId,
          category: scheme.category,
          useTypes: scheme.useTypes,
          territories: scheme.territories,
          rightType: scheme.rightType,
          unitRateMinor: scheme.unitRateMinor.toString(),
          currency: scheme.currency,
          coversUnidentified: scheme.coversUnidentified,
          weights: scheme.weights,
          active: scheme.active,
        },
      },
    ]);
  }
}
