import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** The registry's work, referenced by id by subgraphs that add nothing to it. */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Work {
  @Field(() => ID)
  id: string;
}

/** A party of the registry, referenced by id. */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Party {
  @Field(() => ID)
  id: string;
}
