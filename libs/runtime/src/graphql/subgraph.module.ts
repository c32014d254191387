import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from 'pino';
import {
  complexityLimitPlugin,
  depthLimitRules,
  type QueryLimits,
  type SignedIn,
} from './query-limits.js';

export interface SubgraphOptions {
  /** Hides introspection, stack traces and "Did you mean" suggestions (all but development). */
  production: boolean;
  /** Types only referenced by other subgraphs, which must still be part of this schema. */
  orphanedTypes?: Type[];
  logger: Logger;
  limits: QueryLimits;
  /** Whether a request's caller is signed in: decides its complexity budget. */
  signedIn: SignedIn;
}

/** A code-first Apollo Federation 2 subgraph served at `POST /graphql`. */
@Module({})
export class SubgraphModule {
  static forRoot(options: SubgraphOptions): DynamicModule {
    return {
      module: SubgraphModule,
      imports: [
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          path: '/graphql',
          autoSchemaFile: { federation: 2 },
          sortSchema: true,
          playground: false,
          introspection: !options.production,
          includeStacktraceInErrorResponses: !options.production,
          hideSchemaDetailsFromClientErrors: options.production,
          buildSchemaOptions: { orphanedTypes: options.orphanedTypes ?? [] },
          logger: options.logger,
          plugins: [
            ApolloServerPluginInlineTraceDisabled(),
            complexityLimitPlugin(options.limits, options.signedIn),
          ],
          validationRules: depthLimitRules(options.limits),
        }),
      ],
    };
  }
}
