// Builds the code (npm run build:code) only when a source file changed since the last build, so
// that `npm run cli` starts at once otherwise. Plain JavaScript: it runs before any build.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What build:code compiles (tests and specs aside, which it leaves out). */
const SOURCE_FOLDERS = ['apps', 'libs', 'tools', 'bench', 'test'];
const COMPILED = /\.(ts|js|mjs)$/;
const LEFT_OUT = /\.(spec|int-spec|e2e-spec|browser-spec)\.ts$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist']);
/** Written after each build by this script; `npm run build` (rm -rf dist) removes it. */
const STAMP = path.join('dist', '.built-at');

/** The newest modification time (ms) of a compiled file under `folder`. */
function newestSource(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) newest = Math.max(newest, newestSource(file));
    } else if (COMPILED.test(entry.name) && !LEFT_OUT.test(entry.name)) {
      newest = Math.max(newest, statSync(file).mtimeMs);
    }
  }
  return newest;
}

const builtAt = statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const changed = Math.max(statSync('.swcrc').mtimeMs, ...SOURCE_FOLDERS.map(newestSource));
if (changed >= builtAt) {
  const started = new Date();
  // Its messages go to stderr: what the CLI prints on stdout stays the command's answer.
  const build = spawnSync('npm', ['run', 'build:code', '--silent'], {
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // The time the build started: a file saved during the build is newer, and is built next time.
  writeFileSync(STAMP, '');
  utimesSync(STAMP, started, started);
}
