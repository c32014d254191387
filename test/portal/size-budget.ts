import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The size budget of the public search page's first load: its JavaScript and CSS, compressed
 * as the gateway serves them (Brotli), at most this many bytes. Stated here only; the figure of
 * today is in docs/BENCHMARKS.md ("portal").
 */
export const SEARCH_PAGE_BUDGET_BYTES = 130 * 1024;

/** Where `npm run build` (build:portal) writes the portal. */
export const BUILT_PORTAL = 'dist/portal';

/** The search feature's lazy chunk in Vite's manifest (its source, from apps/portal). */
export const SEARCH_FEATURE = 'src/features/search/index.ts';

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}

/** A file the page loads: its address under the portal, its size and its Brotli copy's size. */
export interface LoadedFile {
  file: string;
  bytes: number;
  brotli: number;
}

function attributes(tag: string): Record<string, string> {
  return Object.fromEntries(
    [...tag.matchAll(/([a-z-]+)="([^"]*)"/g)].map((match) => [match[1]!, match[2]!]),
  );
}

/**
 * What index.html makes the browser load before anything runs: its module script, the modules
 * it preloads and its style sheets, as paths under the portal (`assets/…`).
 */
export function initialFilesOf(indexHtml: string): string[] {
  const files: string[] = [];
  for (const [tag] of indexHtml.matchAll(/<(script|link)\b[^>]*>/g)) {
    const attrs = attributes(tag);
    const address = tag.startsWith('<script')
      ? attrs.type === 'module'
        ? attrs.src
        : undefined
      : attrs.rel === 'modulepreload' || attrs.rel === 'stylesheet'
        ? attrs.href
        : undefined;
    if (address?.startsWith('/assets/')) files.push(address.slice(1));
  }
  return files;
}

/** A lazy chunk of the manifest with every chunk it imports and their style sheets. */
export function chunkFiles(manifest: Record<string, ManifestChunk>, key: string): string[] {
  const files = new Set<string>();
  const visit = (name: string) => {
    const chunk = manifest[name];
    if (!chunk) throw new Error(`The portal's manifest has no chunk ${name}.`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  return [...files];
}

/**
 * The files of the public search page's first load in the built portal: index.html's scripts
 * and style sheets, then the search feature's chunk and what it imports; each with its size and
 * its Brotli size (the .br copy the gateway sends).
 */
export async function searchPageFiles(root = BUILT_PORTAL): Promise<LoadedFile[]> {
  const indexHtml = await readFile(path.join(root, 'index.html'), 'utf8').catch(() => {
    throw new Error(`The portal is not built (no ${root}/index.html): run \`npm run build\`.`);
  });
  const manifest = JSON.parse(
    await readFile(path.join(root, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const names = [
    ...new Set([...initialFilesOf(indexHtml), ...chunkFiles(manifest, SEARCH_FEATURE)]),
  ];
  return Promise.all(
    names.map(async (file) => ({
      file,
      bytes: (await stat(path.join(root, file))).size,
      brotli: (await stat(path.join(root, `${file}.br`))).size,
    })),
  );
}
