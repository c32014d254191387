import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';

export interface SubgraphSource {
  name: string;
  /** GraphQL endpoint recorded in the supergraph (the gateway may route elsewhere). */
  url: string;
  sdl: string;
}

export interface ComposedSchemas {
  /** The supergraph the gateway plans queries with (join directives included). */
  supergraph: string;
  /** The public API a client sees through the gateway (what the portal's operations are typed from). */
  api: string;
}

/** Composes subgraph SDLs into a supergraph schema; throws listing every composition error. */
export function composeSchemas(subgraphs: SubgraphSource[]): ComposedSchemas {
  const result = composeServices(
    subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })),
  );
  if (result.errors) {
    throw new Error(
      `Supergraph composition failed:\n${result.errors.map((error) => `  - ${error.message}`).join('\n')}`,
    );
  }
  return {
    supergraph: `${result.supergraphSdl.trim()}\n`,
    api: `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema()).trim()}\n`,
  };
}
