import { randomBytes } from 'node:crypto';
import { loadConfig } from '#libs/config';
import { createHttpApp, createLogger, type ServiceDefinition } from '#libs/runtime';

/**
 * The federation SDL a service publishes (`_service { sdl }`), read from the service booted on
 * `databaseUrl` without opening a port.
 */
export async function subgraphSdl(
  definition: ServiceDefinition,
  databaseUrl: string,
): Promise<string> {
  const config = loadConfig(definition.configClass, {
    LOG_LEVEL: 'silent',
    AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
  });
  const logger = createLogger(definition.name, 'silent');
  const app = await createHttpApp(definition.module({ config, databaseUrl, logger }), {
    config,
    logger,
  });
  try {
    await app.init();
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: { query: '{ _service { sdl } }' },
    });
    const body = response.json<{ data?: { _service: { sdl: string } }; errors?: unknown[] }>();
    if (!body.data)
      throw new Error(`${definition.name} returned no SDL: ${JSON.stringify(body.errors)}`);
    return `${body.data._service.sdl.trim()}\n`;
  } finally {
    await app.close();
  }
}
