import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import type { Standalone } from '../apps/standalone/src/start-standalone.js';
import { startTestStandalone } from './support/systems.js';
import { caughtUp } from './support/service-processes.js';

/** The shell blocks of the README's walkthrough, in order. */
async function walkthroughBlocks(): Promise<string[]> {
  const readme = await readFile('README.md', 'utf8');
  const section = /<!-- walkthrough:begin -->([\s\S]*)<!-- walkthrough:end -->/.exec(readme);
  if (!section) throw new Error('README.md has no walkthrough section');
  return [...section[1]!.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

/** A bash session fed one block at a time, as a reader pastes them into a terminal. */
class Terminal {
  private output = '';
  private errors = '';
  private readonly shell: ChildProcessWithoutNullStreams;

  constructor(env: Record<string, string>) {
    this.shell = spawn('bash', ['--noprofile', '--norc'], { env });
    this.shell.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.shell.stderr.on('data', (chunk: Buffer) => (this.errors += chunk.toString()));
    // Any failing command ends the session, so a broken step cannot pass unnoticed.
    this.shell.stdin.write('set -eo pipefail\n');
  }

  /** Runs a block and resolves with what it printed. */
  async run(block: string): Promise<string> {
    const marker = `__block_done_${Math.random().toString(36).slice(2)}__`;
    const start = this.output.length;
    this.shell.stdin.write(`${block}\necho ${marker}\n`);
    while (!this.output.includes(marker, start)) {
      if (this.shell.exitCode !== null) {
        throw new Error(`the step failed (exit ${this.shell.exitCode}):\n${block}\n${this.errors}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.output.slice(start, this.output.indexOf(marker, start));
  }

  close(): void {
    this.shell.stdin.end();
    if (this.shell.exitCode === null) this.shell.kill();
  }
}

/** The README's walkthrough, pasted step by step against a fresh standalone system. */
describe('README walkthrough', () => {
  let database: TestDatabase;
  let dataDir: string;
  let sut: Standalone;
  let terminal: Terminal;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'walkthrough-'));
    sut = await startTestStandalone(database.url, {
      DATA_DIR: dataDir,
      EVENT_POLL_INTERVAL_MS: '200',
    });
    // The CLI asks the issuer on this machine's GATEWAY_PORT (4000 for a reader).
    terminal = new Terminal({
      PATH: process.env.PATH!,
      HOME: process.env.HOME ?? dataDir,
      GATEWAY_PORT: new URL(sut.gatewayUrl).port,
    });
  });

  afterAll(async () => {
    terminal?.close();
    await sut?.stop();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should tell the whole story with the figures it promises', async () => {
    const outputs: string[] = [];
    for (const block of await walkthroughBlocks()) {
      const script = block
        .replaceAll('http://127.0.0.1:4000', sut.gatewayUrl)
        .replaceAll('.data/walkthrough', dataDir)
        // The built CLI itself: `npm run cli` may rebuild dist/, which other suites are running.
        .replaceAll('npm run -s cli --', `${process.execPath} dist/tools/cli/main.js`);
      outputs.push(await terminal.run(script));
      // A reader takes a moment between steps; the services apply each other's events.
      await Promise.all(sut.services.map((service) => caughtUp(service)));
    }
    expect(outputs).toHaveLength(10);
    const [, , , scheme, , licenses, , optedOut, usage, batch, statements] = ['', ...outputs];
    expect(scheme).toContain('"amountMinor": "2"');
    expect(licenses!.match(/"decision": "GRANTED_ECL"/g)).toHaveLength(4);
    expect(licenses).toContain('"decision": "GRANTED_ECL_UNIDENTIFIED"');
    expect(optedOut).toContain('"decision": "DENIED_OPTED_OUT"');
    expect(optedOut).toContain('"status": "REVOKED"');
    expect(usage).toMatch(/"linesAccepted": 4,\s+"linesRejected": 1,\s+"linesUnidentified": 1/);
    expect(usage).toMatch(/"line": 5,\s+"reason": "the license was revoked from/);
    for (const figure of ['100000', '10000', '52364', '24545', '13091']) {
      expect(batch).toContain(`"amountMinor": "${figure}"`);
    }
    expect(batch).toContain('"status": "APPROVED"');
    expect(statements).toMatch(/"totalPayable": \{\s+"amountMinor": "52364"/);
    expect(statements).toMatch(/"totalHeld": \{\s+"amountMinor": "24545"/);
    expect(statements).toMatch(/"reason": "UNCLAIMED"[\s\S]*?"amountMinor": "4909"/);
    expect(statements).toMatch(/"reason": "UNIDENTIFIED"[\s\S]*?"amountMinor": "8182"/);
  });
});
