import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface DemoParties {
  societyId: string;
  platformId: string;
  holders: Record<string, string>;
}

const demoFile = (dataDir: string) => path.join(dataDir, 'demo.json');

/** The demo's parties, when this installation was seeded before. */
export async function seededDemo(dataDir: string): Promise<DemoParties | undefined> {
  const file = demoFile(dataDir);
  return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as DemoParties) : undefined;
}

/** Keeps the demo's parties in DATA_DIR/demo.json, so later starts do not seed again. */
export async function keepDemo(dataDir: string, parties: DemoParties): Promise<void> {
  await writeFile(demoFile(dataDir), `${JSON.stringify(parties, null, 2)}\n`);
}
