import type { ApolloServerPlugin } from '@apollo/server';

const escaped = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * What a browser opening a GraphQL endpoint (GET with `accept: text/html`) gets instead of
 * Apollo's landing page or GraphiQL, which load their scripts from a CDN: a short page of
 * `paragraphs`, self-contained (no script, style sheet or address of another server).
 */
export function landingPagePlugin(title: string, paragraphs: string[]): ApolloServerPlugin {
  const html = [
    '<!doctype html>',
    '<html lang="en">',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escaped(title)}</title>`,
    `<h1>${escaped(title)}</h1>`,
    ...paragraphs.map((paragraph) => `<p>${escaped(paragraph)}</p>`),
    '</html>',
    '',
  ].join('\n');
  return {
    serverWillStart() {
      return Promise.resolve({ renderLandingPage: () => Promise.resolve({ html }) });
    },
  };
}

/** The page of the GraphQL endpoint a client calls: the gateway's. */
export function gatewayLandingPagePlugin(): ApolloServerPlugin {
  return landingPagePlugin('Clearinghouse GraphQL endpoint', [
    'This is the GraphQL endpoint of the clearinghouse: send queries and mutations here with POST, as JSON ({"query": "..."}, content-type: application/json), with a bearer token for what is not public.',
    'The schema is the file apps/gateway/supergraph.graphql of the source (npm run schema:generate writes it); introspection is open with NODE_ENV=development only.',
    'People use the portal at / instead.',
  ]);
}

/** The page of a subgraph's endpoint, which only the gateway calls. */
export function subgraphLandingPagePlugin(): ApolloServerPlugin {
  return landingPagePlugin('Clearinghouse subgraph', [
    'This is the GraphQL endpoint of one service of the clearinghouse, which the gateway calls: send queries to the gateway instead (POST /graphql at its address).',
    "The service's schema is the file schema.gql in its folder of the source (npm run schema:generate writes it).",
  ]);
}
