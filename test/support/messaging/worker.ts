/**
 * A relay or a consumer of the contract service in a process of its own, so the contract suite
 * can kill it with SIGKILL. Run from the build:
 *   node dist/test/support/messaging/worker.js relay|consumer
 * Environment: DATABASE_URL, TRANSPORT (postgres|kafka), TOPIC, GROUP, HANDLE_DELAY_MS.
 */
import 'reflect-metadata';
import { createDataSource } from '#libs/database';
import {
  type TransportKind,
  contractDatabase,
  createConsumer,
  createRelay,
  createTransport,
} from './fixtures.js';

const role = process.argv[2];
const url = process.env.DATABASE_URL!;
const kind = (process.env.TRANSPORT ?? 'postgres') as TransportKind;
const dataSource = await createDataSource(contractDatabase, { url, poolSize: 4 }).initialize();
const transport = createTransport(kind, dataSource, url);

if (role === 'relay') {
  await createRelay(dataSource, url, transport).start();
} else if (role === 'consumer') {
  await createConsumer(dataSource, transport, {
    group: process.env.GROUP!,
    topic: process.env.TOPIC!,
    handleDelayMs: Number(process.env.HANDLE_DELAY_MS ?? 0),
  }).start();
} else {
  throw new Error(`unknown role ${role}`);
}
process.stdout.write('ready\n');
setInterval(() => undefined, 60_000);
