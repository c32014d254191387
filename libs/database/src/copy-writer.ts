import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

export type CopyValue = string | number | boolean | null;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One line of PostgreSQL's COPY text format: tab-separated, `\N` for null, escaped. */
export function copyTextLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let index = 0; index < values.length; index += 1) {
    if (index > 0) line += '\t';
    const value = values[index];
    if (value === null || value === undefined) line += '\\N';
    else if (typeof value === 'string') line += value.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]!);
    else line += String(value);
  }
  return `${line}\n`;
}

/**
 * Streams rows into `COPY <target> FROM STDIN` on the connection of the caller's transaction,
 * waiting whenever the server is behind, so memory stays flat for any number of rows.
 */
export class CopyWriter {
  private buffer = '';

  private failure: Error | undefined;

  private constructor(private readonly stream: CopyStreamQuery) {
    stream.on('error', (error: Error) => (this.failure = error));
  }

  /** `target` is e.g. `my_table ("a", "b")`. The manager must be in a transaction. */
  static async open(manager: EntityManager, target: string): Promise<CopyWriter> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('CopyWriter needs an open transaction');
    const client = (await runner.connect()) as PoolClient;
    return new CopyWriter(client.query(copyFrom(`COPY ${target} FROM STDIN`)));
  }

  async write(values: readonly CopyValue[]): Promise<void> {
    this.buffer += copyTextLine(values);
    if (this.buffer.length < 64 * 1024) return;
    await this.flush();
  }

  /** Ends the COPY; resolves once the server has stored every row. */
  async end(): Promise<void> {
    await this.flush();
    const finished = once(this.stream, 'finish');
    this.stream.end();
    await finished;
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const chunk = this.buffer;
    this.buffer = '';
    if (chunk && !this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}
