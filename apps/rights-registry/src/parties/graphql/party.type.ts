import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { PartyKind } from '#libs/contracts';

@ObjectType({ description: 'A right holder, platform or collecting society.' })
@Directive('@key(fields: "id")')
export class Party {
  @Field(() => ID)
  id: string;

  @Field(() => PartyKind)
  kind: PartyKind;

  @Field()
  name: string;

  @Field({ description: 'Member of a collecting society today.' })
  isMember: boolean;

  @Field(() => String, { nullable: true, description: 'IPI name number (11 digits).' })
  ipiNameNumber: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  country: string | null;
}
