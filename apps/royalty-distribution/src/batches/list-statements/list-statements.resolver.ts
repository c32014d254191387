import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, Roles, apiError, type Caller } from '#libs/auth';
import { Role } from '#libs/contracts';
import { moneyOf } from '#libs/runtime';
import { StatementConnection, StatementsFilterInput } from '../graphql/batch.types.js';
import { statementView } from '../graphql/statement.view.js';
import { ListStatements } from './list-statements.handler.js';
import { statementCursor, statementKeyOf } from './statement-cursor.js';

@Resolver()
export class ListStatementsResolver {
  constructor(private readonly handler: ListStatements) {}

  @Query(() => StatementConnection, {
    description:
      "Statements across batches, newest batch first: a right holder its own (of APPROVED and CLOSED batches), an admin those of its society's batches (from CALCULATED) and of its members, the operator every one; anyone else none. `totals` adds up every statement the filter keeps, per currency.",
  })
  @Roles(Role.OPERATOR, Role.SOCIETY_ADMIN, Role.RIGHT_HOLDER)
  async statements(
    @CurrentCaller() caller: Caller,
    @Args('filter', { nullable: true }) filter?: StatementsFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first = 20,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<StatementConnection> {
    if (first < 1 || first > 100) throw apiError('BAD_USER_INPUT', 'first must be from 1 to 100');
    const page = await this.handler.list(
      caller,
      filter ?? {},
      first,
      after ? statementKeyOf(after) : null,
    );
    const edges = page.statements.map((summary) => ({
      node: statementView(summary),
      cursor: statementCursor({ batchId: summary.batch.id, holderId: summary.holderId }),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
      totals: page.totals.map((totals) => ({
        currency: totals.currency,
        payable: moneyOf(totals.payable, totals.currency),
        held: moneyOf(totals.held, totals.currency),
        reserved: moneyOf(totals.reserved, totals.currency),
        claimed: moneyOf(totals.claimed, totals.currency),
      })),
    };
  }
}
