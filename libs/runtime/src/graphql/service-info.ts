import { type DynamicModule, Inject, Module } from '@nestjs/common';
import { Directive, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Roles } from '#libs/auth';
import { Role } from '#libs/contracts';
import { SERVICE_DATABASE, appliedMigrations, type ServiceDatabase } from '#libs/database';

@ObjectType({ description: 'What a service reports about itself, for operators.' })
@Directive('@shareable')
export class ServiceInfo {
  @Field({ description: 'Service name, e.g. rights-registry.' })
  name: string;

  @Field({ description: 'Release of the service.' })
  version: string;

  @Field({ description: 'PostgreSQL schema the service owns.' })
  schema: string;

  @Field(() => [String], { description: 'Migrations applied to the schema, oldest first.' })
  migrations: string[];

  @Field(() => Int, { description: 'Seconds since the service started.' })
  uptimeSeconds: number;
}

const startedAt = Date.now();

/**
 * Adds `Query.<queryName>: ServiceInfo` to a subgraph. Each subgraph uses its own field name
 * so the composed API shows every service.
 */
@Module({})
export class ServiceInfoModule {
  static forRoot(queryName: string, version: string): DynamicModule {
    @Resolver(() => ServiceInfo)
    class ServiceInfoResolver {
      constructor(
        @Inject(SERVICE_DATABASE) private readonly database: ServiceDatabase,
        private readonly dataSource: DataSource,
      ) {}

      @Roles(Role.OPERATOR)
      @Query(() => ServiceInfo, { name: queryName, description: 'Service status for operators.' })
      async info(): Promise<ServiceInfo> {
        return {
          name: this.database.service,
          version,
          schema: this.database.schema,
          migrations: await appliedMigrations(this.dataSource, this.database.schema),
          uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000),
        };
      }
    }
    return { module: ServiceInfoModule, providers: [ServiceInfoResolver] };
  }
}
