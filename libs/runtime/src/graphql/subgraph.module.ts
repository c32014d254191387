import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from 'pino';
import { Authenticator, type RequestWithCaller } from '#libs/auth';
import { callerPlugin, type SubgraphContext } from './caller-plugin.js';
import { subgraphLandingPagePlugin } from './landing-page.js';
import {
  complexityLimitPlugin,
  depthLimitRules,
  type QueryLimits,
  type SignedIn,
} from './query-limits.js';

/** The caller the Authenticator found when the context was built (no second verification). */
const signedInCaller: SignedIn = (_authorization, context) =>
  Promise.resolve(Boolean((context as SubgraphContext).req.caller));
import { scalarValuesPlugin } from './scalar-values.js';

export interface SubgraphOptions {
  /** Hides introspection, stack traces and "Did you mean" suggestions (all but development). */
  production: boolean;
  /** Types only referenced by other subgraphs, which must still be part of this schema. */
  orphanedTypes?: Type[];
  logger: Logger;
  limits: QueryLimits;
}

/**
 * A code-first Apollo Federation 2 subgraph served at `POST /graphql`. The caller is
 * authenticated once per request when its context is built, so root fields, entity references
 * and field resolvers all see the same caller.
 */
@Module({})
export class SubgraphModule {
  static forRoot(options: SubgraphOptions): DynamicModule {
    return {
      module: SubgraphModule,
      imports: [
        GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          inject: [Authenticator],
          useFactory: (authenticator: Authenticator) => ({
            path: '/graphql',
            autoSchemaFile: { federation: 2 },
            sortSchema: true,
            // A short page of its own for browsers: GraphiQL loads its scripts from a CDN.
            graphiql: false,
            introspection: !options.production,
            includeStacktraceInErrorResponses: !options.production,
            hideSchemaDetailsFromClientErrors: options.production,
            buildSchemaOptions: { orphanedTypes: options.orphanedTypes ?? [] },
            logger: options.logger,
            // On Fastify the context function gets the request itself.
            context: async (
              request: RequestWithCaller | { req: RequestWithCaller },
            ): Promise<SubgraphContext> => {
              const req = 'req' in request ? request.req : request;
              try {
                await authenticator.authenticate(req);
              } catch (error) {
                // The parties cannot be looked up (the database is away): answered as retryable.
                options.logger.error({ err: error }, 'the caller could not be authenticated');
                req.authUnavailable = true;
              }
              return { req };
            },
            plugins: [
              ApolloServerPluginInlineTraceDisabled(),
              callerPlugin(),
              complexityLimitPlugin(options.limits, signedInCaller),
              scalarValuesPlugin(),
              subgraphLandingPagePlugin(),
            ],
            // Errors of field and reference resolvers reach the exception filter too.
            fieldResolverEnhancers: ['filters'],
            validationRules: depthLimitRules(options.limits),
          }),
        }),
      ],
    };
  }
}
