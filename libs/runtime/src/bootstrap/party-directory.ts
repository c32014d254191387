import type { PartyDirectory } from '#libs/auth';
import type { PartyKind } from '#libs/contracts';
import { quoteIdent } from '#libs/database';
import type { DataSource } from 'typeorm';

/** A service's parties in a table of its schema with `id` and `kind` columns. */
export class SqlPartyDirectory implements PartyDirectory {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
    table: string,
  ) {
    this.table = `${quoteIdent(schema)}.${quoteIdent(table)}`;
  }

  async kindOf(partyId: string): Promise<PartyKind | undefined> {
    const [row] = await this.dataSource.query<{ kind: PartyKind }[]>(
      `SELECT "kind" FROM ${this.table} WHERE "id" = $1`,
      [partyId],
    );
    return row?.kind;
  }
}
