import { Args, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CurrentCaller, Roles, type Caller } from '#libs/auth';
import { IsId, Role } from '#libs/contracts';
import { Party } from '#libs/runtime';
import { mapAuthorizationErrors } from '../../shared/graphql/authorization-errors.js';
import { ApiKeys } from '../application/api-keys.js';
import type { ApiKeyEntity } from '../infrastructure/api-key.entity.js';

@ObjectType({ description: "A platform's API key (its secret is shown once, at creation)." })
export class ApiKey {
  @Field(() => ID)
  id: string;

  @Field(() => Party)
  platform: Party;

  @Field()
  name: string;

  @Field({ description: 'The first characters of the key, to tell keys apart.' })
  prefix: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  @Field({ description: 'Send it as X-Api-Key to the gateway. It is not shown again.' })
  secret: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => ID, { nullable: true, description: 'The operator names the platform.' })
  @IsOptional()
  @IsId()
  platformId?: string | null;
}

const view = (key: ApiKeyEntity): ApiKey => ({ ...key, platform: { id: key.platformId } });

@Resolver(() => ApiKey)
export class ApiKeysResolver {
  constructor(private readonly keys: ApiKeys) {}

  @Mutation(() => CreatedApiKey)
  @Roles(Role.PLATFORM, Role.OPERATOR)
  async createApiKey(
    @Args('input') input: CreateApiKeyInput,
    @CurrentCaller() caller: Caller,
  ): Promise<CreatedApiKey> {
    const { key, secret } = await mapAuthorizationErrors(() =>
      this.keys.create(caller, input.name, input.platformId),
    );
    return { apiKey: view(key), secret };
  }

  @Mutation(() => ApiKey, { description: 'Revokes a key: the gateway stops accepting it.' })
  @Roles(Role.PLATFORM, Role.OPERATOR)
  async revokeApiKey(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ApiKey> {
    return view(await mapAuthorizationErrors(() => this.keys.revoke(caller, id)));
  }

  @Query(() => [ApiKey])
  @Roles(Role.PLATFORM, Role.OPERATOR)
  async apiKeys(
    @CurrentCaller() caller: Caller,
    @Args('platformId', { type: () => ID, nullable: true }) platformId?: string,
  ): Promise<ApiKey[]> {
    return (await mapAuthorizationErrors(() => this.keys.list(caller, platformId))).map(view);
  }
}
