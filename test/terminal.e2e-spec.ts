import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { systemServices } from '../apps/standalone/src/services.js';
import { ANY_PORTS, startMain, type MainProcess } from './support/systems.js';

/**
 * `npm start` as a person sees it in a terminal: a few lines, the portal's address last, the
 * JSON logs in DATA_DIR/logs; a second start on the same DATA_DIR refused in one sentence.
 */
describe('npm start in a terminal', () => {
  let database: TestDatabase;
  let dataDir: string;
  let main: MainProcess;
  let stalePid: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'terminal-'));
    // A lock left behind by a clearinghouse that was killed: its process has ended.
    stalePid = spawnSync(process.execPath, ['-e', '']).pid!;
    await writeFile(path.join(dataDir, 'clearinghouse.pid'), `${stalePid}\n`);
    main = await startMain({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      DEMO: 'false',
      LOG_LEVEL: 'info',
    });
  });

  afterAll(async () => {
    await main?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await database?.drop();
  });

  const logFile = () => path.join(dataDir, 'logs', 'clearinghouse.log');

  it('should print a few lines for a person, ending with the portal’s address', () => {
    const lines = main.output.trimEnd().split('\n');
    expect(lines[0]).toBe('Starting the clearinghouse…');
    expect(lines.slice(-2)).toEqual([
      `Open the portal: ${main.gatewayUrl}/`,
      'Press Ctrl-C to stop.',
    ]);
    expect(main.output).toContain(`  Logs: ${logFile()}`);
    expect(main.output).not.toMatch(/"level":/);
    // What a library prints itself goes to the log file too.
    expect(main.output).not.toContain('oidc-provider');
    expect(main.stdout()).toBe('');
  });

  it('should write the JSON logs of every service and the gateway to the file under DATA_DIR', async () => {
    const entries = (await readFile(logFile(), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { service: string; level: string });
    const services = new Set(entries.map((entry) => entry.service));
    for (const name of ['clearinghouse', 'gateway', ...systemServices.map((s) => s.name)]) {
      expect(services).toContain(name);
    }
  });

  it('should take over the lock of an ended process and hold DATA_DIR for its own', async () => {
    const lock = await readFile(path.join(dataDir, 'clearinghouse.pid'), 'utf8');
    expect(lock.trim()).not.toBe(String(stalePid));
  });

  it('should refuse a second start on the same DATA_DIR in one sentence, and keep the first running', async () => {
    const holder = (await readFile(path.join(dataDir, 'clearinghouse.pid'), 'utf8')).trim();
    const second = spawn(process.execPath, ['dist/apps/standalone/src/main.js'], {
      env: { PATH: process.env.PATH, ...ANY_PORTS, DATABASE_URL: database.url, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let printed = '';
    second.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    second.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const [code] = (await once(second, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(printed).toBe(
      'Starting the clearinghouse…\n' +
        `clearinghouse: DATA_DIR ${dataDir} is in use by another clearinghouse (pid ${holder}); stop it or choose another DATA_DIR.\n`,
    );
    expect((await fetch(`${main.gatewayUrl}/health/ready`)).status).toBe(200);
    expect((await readFile(path.join(dataDir, 'clearinghouse.pid'), 'utf8')).trim()).toBe(holder);
  });

  it('should answer a browser at a subgraph’s /graphql with a page that loads nothing from elsewhere', async () => {
    const registry = /^ +rights-registry +(http:\/\/\S+)\/graphql/m.exec(main.output)![1]!;
    const page = await fetch(`${registry}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('send queries to the gateway instead');
    expect(html).not.toMatch(/https?:\/\/|<script|<link/i);
  });

  it('should say in a sentence why a start failed, with the log file holding the details', async () => {
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'terminal-failed-'));
    try {
      // Nothing listens on port 1: the services cannot reach their database.
      const failed = spawn(process.execPath, ['dist/apps/standalone/src/main.js'], {
        env: {
          PATH: process.env.PATH,
          ...ANY_PORTS,
          DATABASE_URL: 'postgres://clearinghouse:not-logged@127.0.0.1:1/nowhere',
          DATA_DIR: elsewhere,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let printed = '';
      failed.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      failed.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      const [code] = (await once(failed, 'exit')) as [number | null];
      expect(code).toBe(1);
      const file = path.join(elsewhere, 'logs', 'clearinghouse.log');
      expect(printed).toMatch(
        new RegExp(
          `^clearinghouse: failed to start: .*ECONNREFUSED.* \\(details in ${file}\\)$`,
          'm',
        ),
      );
      expect(printed).not.toMatch(/"level":|\n\s+at /);
      expect(printed).not.toContain('not-logged');
      expect(await readFile(file, 'utf8')).toMatch(
        /"level":"fatal".*"the clearinghouse failed to start"/,
      );
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});
