import { GatewayConfig, loadConfig } from '#libs/config';
import { subgraphServices } from '../../apps/standalone/src/services.js';
import { composeSupergraph } from './compose-supergraph.js';
import { subgraphSdl } from './subgraph-sdl.js';

export interface GeneratedFile {
  /** Path from the repository root. */
  path: string;
  content: string;
}

/**
 * Every generated schema file: each subgraph's `schema.gql` and the gateway's composed
 * `supergraph.graphql` (subgraph URLs are the default local ones).
 */
export async function generateSchemas(databaseUrl: string): Promise<GeneratedFile[]> {
  const defaults = loadConfig(GatewayConfig, {});
  const subgraphs = [];
  for (const { definition } of subgraphServices) {
    const endpoint = defaults.subgraphs.find(({ name }) => name === definition.name);
    if (!endpoint) throw new Error(`no default URL for ${definition.name}`);
    subgraphs.push({
      name: definition.name,
      url: `${endpoint.url}/graphql`,
      sdl: await subgraphSdl(definition, databaseUrl),
    });
  }
  return [
    ...subgraphs.map(({ name, sdl }) => ({ path: `apps/${name}/schema.gql`, content: sdl })),
    { path: 'apps/gateway/supergraph.graphql', content: composeSupergraph(subgraphs) },
  ];
}
