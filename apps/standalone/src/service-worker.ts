/**
 * One service (a subgraph, or the identity app) in a worker thread of the standalone process. Each worker has its own
 * module graph, so each service's GraphQL schema holds its own types only.
 *
 * workerData: { service, env, databaseUrl, mode: 'serve' | 'sdl', logFile?: where logs go instead of stdout }
 * Posts { ready: url } once serving (or { sdl } in 'sdl' mode), { failed: message } on error;
 * on the message 'stop' it closes the service and posts { stopped: true }.
 */
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { GATEWAY_CREDENTIAL_HEADER, GatewayCredential } from '#libs/auth';
import { loadConfig } from '#libs/config';
import { createHttpApp, createLogger, listeningUrl, startService } from '#libs/runtime';
import { systemService } from './services.js';

interface WorkerInput {
  service: string;
  env: Record<string, string | undefined>;
  databaseUrl: string;
  mode: 'serve' | 'sdl';
  logFile?: string;
}

const input = workerData as WorkerInput;
const port = parentPort!;

try {
  const definition = await systemService(input.service).load();
  const config = loadConfig(definition.configClass, input.env);
  const logger = createLogger(definition.name, config.LOG_LEVEL, input.logFile);
  if (input.mode === 'sdl') {
    const app = await createHttpApp(
      definition.module({ config, databaseUrl: input.databaseUrl, logger }),
      {
        config,
        logger,
      },
    );
    await app.init();
    // Asked as the gateway asks: the SDL is for the gateway and the operator.
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: {
        'content-type': 'application/json',
        [GATEWAY_CREDENTIAL_HEADER]: app.get(GatewayCredential).secret,
      },
      payload: { query: '{ _service { sdl } }' },
    });
    await app.close();
    const body = response.json<{ data?: { _service: { sdl: string } }; errors?: unknown[] }>();
    if (!body.data) throw new Error(`no SDL: ${JSON.stringify(body.errors)}`);
    port.postMessage({ sdl: body.data._service.sdl });
  } else {
    const app = await startService(definition, {
      config,
      databaseUrl: input.databaseUrl,
      logger,
      frameworkLogger: createLogger('clearinghouse', config.LOG_LEVEL, input.logFile),
    });
    port.on('message', (message) => {
      if (message !== 'stop') return;
      app.close().then(
        () => port.postMessage({ stopped: true }),
        (error: unknown) => port.postMessage({ failed: String(error) }),
      );
    });
    port.postMessage({ ready: listeningUrl(app) });
  }
} catch (error) {
  port.postMessage({
    failed: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}
