import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MembershipOfferStatus } from '../infrastructure/party.entities.js';
import { Party } from './party.type.js';

registerEnumType(MembershipOfferStatus, { name: 'MembershipOfferStatus' });

@ObjectType({
  description:
    "A society's offer of membership to a right holder: the membership starts only when the holder accepts it.",
})
export class MembershipOffer {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  partyId: string;

  @Field(() => Party, { nullable: true, description: 'The right holder offered membership.' })
  party?: Party | null;

  @Field(() => ID)
  societyId: string;

  @Field(() => Party, { nullable: true })
  society?: Party | null;

  @Field({ description: 'YYYY-MM-DD; accepted later, the membership starts on the day accepted.' })
  memberFrom: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD (exclusive); null: open-ended.' })
  memberTo: string | null;

  @Field(() => MembershipOfferStatus)
  status: MembershipOfferStatus;

  @Field()
  offeredAt: Date;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;
}
