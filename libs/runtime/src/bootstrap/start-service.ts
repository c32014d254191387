import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ServiceConfig } from '#libs/config';
import { createHttpApp, listeningUrl } from './create-http-app.js';
import type { ServiceContext, ServiceDefinition } from './service-definition.js';

/** Creates the service (migrating its schema) and starts listening on its configured port. */
export async function startService<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  context: ServiceContext<C>,
): Promise<NestFastifyApplication> {
  const app = await createHttpApp(definition.module(context), {
    config: context.config,
    logger: context.logger,
    frameworkLogger: context.frameworkLogger,
  });
  await app.listen({ port: context.config.port, host: context.config.HOST });
  context.logger.info({ url: `${listeningUrl(app)}/graphql` }, `${definition.name} listening`);
  return app;
}
