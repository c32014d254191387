import {
  type GraphQLDataSourceProcessOptions,
  IntrospectAndCompose,
  RemoteGraphQLDataSource,
} from '@apollo/gateway';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from 'pino';
import { GATEWAY_CREDENTIAL_HEADER } from '#libs/auth';
import { ConfigModule, type GatewayConfig } from '#libs/config';
import type { FastifyRequest } from 'fastify';
import {
  CORRELATION_ID_HEADER,
  ClientIdentities,
  HealthModule,
  LoggerModule,
  MetricsModule,
  REQUEST_ID_HEADER,
  complexityLimitPlugin,
  depthLimitRules,
  gatewayLandingPagePlugin,
  queryLimits,
  scalarValuesPlugin,
  ServiceMetrics,
} from '#libs/runtime';
import {
  UNAVAILABLE_RETRY_AFTER_SECONDS,
  publicError,
  serviceUnavailableStatusPlugin,
} from './public-errors.js';
import { SubgraphsReadiness } from './subgraphs.readiness.js';

/**
 * The supergraph composed at build time (`npm run schema:generate`, checked in CI), found from
 * this module in the built tree (dist/apps/gateway/src) or in the sources (apps/gateway/src).
 */
function builtSupergraph(): string {
  const candidates = ['../../../../apps/gateway/supergraph.graphql', '../supergraph.graphql'].map(
    (relative) => fileURLToPath(new URL(relative, import.meta.url)),
  );
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0]!;
}

interface GatewayContext {
  req?: FastifyRequest;
}

/** Forwards the request and correlation ids so one request can be followed across services. */
class TracedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    options: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly credential: string,
  ) {
    super(options);
  }

  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!request.http) return;
    // Subgraphs answer anonymous requests only from the gateway.
    request.http.headers.set(GATEWAY_CREDENTIAL_HEADER, this.credential);
    const { req } = context as GatewayContext;
    if (!req) return;
    // Each subgraph verifies the caller's token itself.
    const authorization = req.headers.authorization;
    if (authorization) request.http.headers.set('authorization', authorization);
    request.http.headers.set(REQUEST_ID_HEADER, req.id);
    request.http.headers.set(CORRELATION_ID_HEADER, req.correlationId);
  }
}

/** The one public GraphQL endpoint: an Apollo Federation 2 gateway over the four subgraphs. */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, logger: Logger, subgraphSecret: string): DynamicModule {
    const limits = queryLimits(config);
    const development = config.isDevelopment;
    const errorLogger = logger.child({ component: 'graphql' });
    return {
      module: GatewayModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(logger),
        MetricsModule.forRoot(new ServiceMetrics('gateway')),
        HealthModule.forRoot([SubgraphsReadiness]),
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          server: {
            path: '/graphql',
            // Schema details and stack traces only with NODE_ENV=development. Browsers get a
            // short page of its own (GraphiQL loads its scripts from a CDN).
            graphiql: false,
            introspection: development,
            includeStacktraceInErrorResponses: development,
            hideSchemaDetailsFromClientErrors: !development,
            logger: logger.child({ component: 'graphql' }),
            validationRules: depthLimitRules(limits),
            // Keep the 503 of an unavailable subgraph (Nest turns an answer with data into 200).
            preserveHttpStatusForExecutionErrors: false,
            plugins: [
              complexityLimitPlugin(limits, new ClientIdentities(config).signedIn),
              serviceUnavailableStatusPlugin(UNAVAILABLE_RETRY_AFTER_SECONDS),
              scalarValuesPlugin(),
              gatewayLandingPagePlugin(),
            ],
            formatError: (formatted, error) => {
              const shown = publicError(formatted, error, development);
              if (shown.message !== formatted.message) {
                errorLogger.warn({ err: error, shown: shown.extensions?.code }, formatted.message);
              }
              return shown;
            },
          },
          gateway: {
            supergraphSdl:
              config.supergraphSource === 'file'
                ? readFileSync(config.SUPERGRAPH_FILE ?? builtSupergraph(), 'utf8')
                : new IntrospectAndCompose({
                    subgraphs: config.subgraphs.map(({ name, url }) => ({
                      name,
                      url: `${url}/graphql`,
                    })),
                    introspectionHeaders: { [GATEWAY_CREDENTIAL_HEADER]: subgraphSecret },
                  }),
            // Subgraphs are reached where this deployment says, whatever URL the file records.
            buildService: ({ name, url }) => {
              const configured = config.subgraphs.find((subgraph) => subgraph.name === name);
              return new TracedDataSource(
                { url: configured ? `${configured.url}/graphql` : url },
                subgraphSecret,
              );
            },
          },
        }),
      ],
    };
  }
}
