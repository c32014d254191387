import { randomBytes } from 'node:crypto';
import { GatewayConfig, loadConfig } from '#libs/config';
import { serviceSdl } from '../../apps/standalone/src/service-thread.js';
import { subgraphServices } from '../../apps/standalone/src/services.js';
import { composeSchemas } from './compose-supergraph.js';
import { portalOperations } from './portal-operations.js';

export interface GeneratedFile {
  /** Path from the repository root. */
  path: string;
  content: string;
}

/**
 * Every generated schema file: each subgraph's `schema.gql` (built in a thread of its own, as
 * in production each service is alone) and the gateway's composed `supergraph.graphql`
 * (subgraph URLs are the default local ones), the public API schema it serves, and the portal's
 * operation types generated from that schema.
 */
export async function generateSchemas(databaseUrl: string): Promise<GeneratedFile[]> {
  const defaults = loadConfig(GatewayConfig, {});
  const env = { LOG_LEVEL: 'silent', AUTH_JWT_SECRET: randomBytes(32).toString('hex') };
  const subgraphs = [];
  for (const { name } of subgraphServices) {
    const endpoint = defaults.subgraphs.find((subgraph) => subgraph.name === name);
    if (!endpoint) throw new Error(`no default URL for ${name}`);
    const sdl = await serviceSdl(name, env, databaseUrl);
    subgraphs.push({ name, url: `${endpoint.url}/graphql`, sdl: `${sdl.trim()}\n` });
  }
  const composed = composeSchemas(subgraphs);
  return [
    ...subgraphs.map(({ name, sdl }) => ({ path: `apps/${name}/schema.gql`, content: sdl })),
    { path: 'apps/gateway/supergraph.graphql', content: composed.supergraph },
    { path: 'apps/portal/schema.graphql', content: composed.api },
    ...(await portalOperations(composed.api)),
  ];
}
