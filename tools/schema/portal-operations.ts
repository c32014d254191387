import { execFile } from 'node:child_process';
import path from 'node:path';

/** The built code generator (npm run build, which `schema:generate` and `npm test` run first). */
const CODEGEN = path.resolve('dist/tools/schema/portal-codegen.js');

/**
 * The portal's operation types generated from the public API schema (portal-codegen.ts), in a
 * process of its own.
 */
export function portalOperations(apiSchema: string): Promise<{ path: string; content: string }[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [CODEGEN],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `the portal's operations could not be generated:\n${stderr || error.message}`,
            ),
          );
          return;
        }
        resolve(JSON.parse(stdout) as { path: string; content: string }[]);
      },
    );
    child.stdin?.end(apiSchema);
  });
}
