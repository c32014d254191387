import { generate } from '@graphql-codegen/cli';

/** Where the portal's operations are written, and where their generated types go. */
const DOCUMENTS = ['apps/portal/src/**/*.{ts,tsx}', '!apps/portal/src/graphql/**'];
export const PORTAL_OPERATIONS_DIR = 'apps/portal/src/graphql/';

/**
 * The portal's typed operations (`graphql(...)` calls next to the pages that use them), generated
 * from the public API schema with GraphQL Code Generator's client preset: each operation's result
 * and variables as TypeScript types, the documents as plain strings (no GraphQL library in the
 * browser). An operation the schema no longer accepts fails generation, and the committed files
 * are compared with fresh ones in CI, so the pages cannot drift from the API.
 */
export async function generatePortalOperations(
  apiSchema: string,
): Promise<{ path: string; content: string }[]> {
  const outputs = (await generate(
    {
      schema: apiSchema,
      documents: DOCUMENTS,
      silent: true,
      errorsOnly: true,
      generates: {
        [PORTAL_OPERATIONS_DIR]: {
          preset: 'client',
          presetConfig: { fragmentMasking: false },
          config: {
            documentMode: 'string',
            enumsAsTypes: true,
            useTypeImports: true,
            skipTypename: true,
            avoidOptionals: false,
            scalars: { DateTime: 'string' },
          },
        },
      },
    },
    false,
  )) as { filename: string; content: string }[];
  return outputs
    .map(({ filename, content }) => ({
      path: filename.replace(/^\.\//, ''),
      content: `${content.trim()}\n`,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Run as a program (`node dist/tools/schema/portal-codegen.js < api-schema.graphql`): prints the
 * generated files as JSON. The generator loads its presets with `require`, which test runners
 * that isolate modules cannot follow, so callers run it in a process of its own.
 */
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const files = await generatePortalOperations(Buffer.concat(chunks).toString('utf8'));
  process.stdout.write(JSON.stringify(files));
}
