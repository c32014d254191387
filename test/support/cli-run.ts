import { spawn } from 'node:child_process';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI without blocking the test's event loop, so that jest's per-test timeout
 * fails a command that hangs; the process is killed after `killAfterMs` whatever happens.
 */
export function runCli(
  args: string[],
  env: Record<string, string | undefined>,
  killAfterMs = 60_000,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/tools/cli/main.js', ...args], {
      env,
      timeout: killAfterMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
