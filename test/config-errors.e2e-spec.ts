import { spawnSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';

/** Runs a built entry point (npm test builds first) and returns how it ended. */
function run(entry: string, env: Record<string, string>) {
  return spawnSync(process.execPath, [entry], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('start-up with bad configuration', () => {
  it('should stop a service with exit code 1 naming each bad variable', () => {
    const sut = run('dist/apps/rights-registry/src/main.js', {
      RIGHTS_REGISTRY_PORT: 'not-a-port',
      DB_POOL_SIZE: '0',
    });
    expect(sut.status).toBe(1);
    expect(sut.stderr).toContain('RIGHTS_REGISTRY_PORT (value: "not-a-port")');
    expect(sut.stderr).toContain('DB_POOL_SIZE (value: "0")');
    expect(sut.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it('should stop the standalone system before starting anything', () => {
    const sut = run('dist/apps/standalone/src/main.js', { LOG_LEVEL: 'chatty' });
    expect(sut.status).toBe(1);
    expect(sut.stderr).toContain('LOG_LEVEL (value: "chatty")');
  });

  it('should stop the gateway on an invalid subgraph URL', () => {
    const sut = run('dist/apps/gateway/src/main.js', { OPT_OUT_URL: 'ftp://example' });
    expect(sut.status).toBe(1);
    expect(sut.stderr).toContain('OPT_OUT_URL');
    expect(sut.stderr).toContain('OPT_OUT_URL must be a URL starting with http:// or https://');
  });
});
