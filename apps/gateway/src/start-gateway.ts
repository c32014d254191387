import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { resolveSubgraphSecret } from '#libs/auth';
import type { GatewayConfig } from '#libs/config';
import { createHttpApp, listeningUrl } from '#libs/runtime';
import { acceptApiKeys } from './api-key-exchange.js';
import { GatewayModule } from './gateway.module.js';
import { forwardIdentityRoutes } from './identity-routes.js';
import { servePortal } from './portal.js';
import { forwardRestRoutes } from './rest-routes.js';
import { waitForSubgraphs } from './wait-for-subgraphs.js';

/** Waits for the subgraphs, composes them and starts serving on the gateway port. */
export async function startGateway(
  config: GatewayConfig,
  logger: Logger,
  frameworkLogger?: Logger,
): Promise<NestFastifyApplication> {
  await waitForSubgraphs(config.subgraphs, config.SUBGRAPH_WAIT_MS);
  const subgraphSecret = await resolveSubgraphSecret(config);
  const app = await createHttpApp(GatewayModule.forRoot(config, logger, subgraphSecret), {
    config,
    logger,
    frameworkLogger,
  });
  acceptApiKeys(
    app.getHttpAdapter().getInstance(),
    { identityIssuer: config.identityIssuer, identityUrl: config.identityUrl },
    config.API_KEY_FAILURES_PER_MINUTE,
  );
  await forwardRestRoutes(app, config);
  await forwardIdentityRoutes(app, config, subgraphSecret);
  await servePortal(
    app.getHttpAdapter().getInstance(),
    new URL(config.identityIssuer).pathname.replace(/\/$/, ''),
  );
  await app.listen({ port: config.port, host: config.HOST });
  logger.info({ url: `${listeningUrl(app)}/graphql` }, 'gateway listening');
  return app;
}
