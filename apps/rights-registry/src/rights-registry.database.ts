import type { ServiceDatabase } from '#libs/database';
import { migrations } from './migrations/index.js';
import {
  MembershipEntity,
  MembershipOfferEntity,
  PartyEntity,
} from './parties/infrastructure/party.entities.js';
import {
  DisputeEntity,
  ShareEntity,
  ShareVersionEntity,
  WorkEntity,
  WorkIdentifierEntity,
  WorkTitleEntity,
} from './works/infrastructure/work.entities.js';

export const rightsRegistryDatabase: ServiceDatabase = {
  service: 'rights-registry',
  schema: 'rights_registry',
  entities: [
    PartyEntity,
    MembershipEntity,
    MembershipOfferEntity,
    WorkEntity,
    WorkTitleEntity,
    WorkIdentifierEntity,
    ShareVersionEntity,
    ShareEntity,
    DisputeEntity,
  ],
  migrations,
};
