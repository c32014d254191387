import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { moneyOf } from '#libs/runtime';
import { workReference } from '../../shared/graphql/work-reference.js';
import { StatementDocuments } from '../application/statement-documents.js';
import { Statement, StatementLine } from './batch.types.js';

/** A statement's lines, read when asked for (the statement was checked by its query). */
@Resolver(() => Statement)
export class StatementResolver {
  constructor(private readonly documents: StatementDocuments) {}

  @ResolveField(() => [StatementLine])
  async lines(@Parent() statement: Statement): Promise<StatementLine[]> {
    const lines = await this.documents.lines(statement.batchId, statement.holder.id);
    return lines.map((line) => ({
      workKey: line.workKey,
      work: workReference(line.workKey),
      title: line.title,
      useType: line.useType,
      amount: moneyOf(line.amount, statement.currency),
      status: line.status,
    }));
  }
}
