import { fileURLToPath } from 'node:url';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/portal', import.meta.url));

/**
 * Writes a Brotli and a gzip copy beside each script and style sheet, so the gateway sends them
 * compressed at build-time cost (best levels) instead of compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: 'clearinghouse-precompress',
    apply: 'build',
    async closeBundle() {
      const assets = join(outDir, 'assets');
      for (const name of await readdir(assets)) {
        if (!/\.(js|css|svg)$/.test(name)) continue;
        const content = await readFile(join(assets, name));
        await writeFile(
          join(assets, `${name}.br`),
          await promisify(brotliCompress)(content, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
          }),
        );
        await writeFile(join(assets, `${name}.gz`), await promisify(gzip)(content, { level: 9 }));
      }
    },
  };
}

/**
 * The portal, built to dist/portal and served by the gateway at `/`: hashed file names under
 * `/assets/` (cached for a year), index.html revalidated on every visit. React's JSX is compiled
 * by Vite's own transform (oxc); no plugin is needed for a production build.
 */
export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    // dist/portal/.vite/manifest.json (not served): which files a page loads, for the size budget.
    manifest: true,
    sourcemap: false,
    target: 'es2022',
    reportCompressedSize: false,
    rolldownOptions: {
      onwarn(warning, warn) {
        // React Query marks its hooks "use client" for server components; a browser bundle has none.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: Object.fromEntries(
      ['/graphql', '/oidc', '/interaction', '/account', '/pages', '/v1'].map((path) => [
        path,
        process.env.PORTAL_API ?? 'http://127.0.0.1:4000',
      ]),
    ),
  },
});
