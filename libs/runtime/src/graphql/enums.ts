import { registerEnumType } from '@nestjs/graphql';
import {
  Decision,
  IdentifierScheme,
  OptOutScope,
  PartyKind,
  RightType,
  Role,
  UseType,
  WorkCategory,
} from '#libs/contracts';

/**
 * The public contract's enums, registered once for every subgraph so that the same enum has the
 * same name and values wherever it appears (federation composes them).
 */
registerEnumType(WorkCategory, { name: 'WorkCategory' });
registerEnumType(UseType, { name: 'UseType' });
registerEnumType(RightType, { name: 'RightType' });
registerEnumType(PartyKind, { name: 'PartyKind' });
registerEnumType(IdentifierScheme, { name: 'IdentifierScheme' });
registerEnumType(OptOutScope, { name: 'OptOutScope' });
registerEnumType(Decision, { name: 'Decision' });
registerEnumType(Role, { name: 'Role' });
