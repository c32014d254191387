import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Tokens } from '#libs/auth';
import { Role } from '#libs/contracts';

/** The built CLI (npm test builds first), as `npm run cli -- ...` runs it. */
function cli(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['dist/tools/cli/main.js', ...args], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('cli token', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cli-spec-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should print an operator token and nothing else, signed with AUTH_JWT_SECRET', async () => {
    const secret = randomBytes(32).toString('hex');
    const sut = cli(['token', '--role', 'OPERATOR'], { AUTH_JWT_SECRET: secret });
    expect(sut.status).toBe(0);
    expect(sut.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    await expect(new Tokens(secret).verify(sut.stdout.trim())).resolves.toMatchObject({
      role: Role.OPERATOR,
    });
  });

  it('should sign with the installation secret in DATA_DIR when none is configured', async () => {
    const party = randomUUID();
    const sut = cli(['token', '--role', 'PLATFORM', '--party', party], { DATA_DIR: dataDir });
    expect(sut.status).toBe(0);
    const secret = (await readFile(path.join(dataDir, 'jwt-secret'), 'utf8')).trim();
    await expect(new Tokens(secret).verify(sut.stdout.trim())).resolves.toEqual({
      role: Role.PLATFORM,
      partyId: party,
    });
  });

  it('should refuse a role without its party, and an unknown role, on stderr with an exit code', () => {
    const noParty = cli(['token', '--role', 'RIGHT_HOLDER'], { DATA_DIR: dataDir });
    expect(noParty.status).toBe(2);
    expect(noParty.stdout).toBe('');
    expect(noParty.stderr).toContain('--party <id> is required for role RIGHT_HOLDER');
    const unknown = cli(['token', '--role', 'ADMIN'], { DATA_DIR: dataDir });
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain(
      'Allowed choices are OPERATOR, SOCIETY_ADMIN, RIGHT_HOLDER, PLATFORM',
    );
  });
});
