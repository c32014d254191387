import { Module } from '@nestjs/common';
import { BatchCalculator } from './application/batch-calculator.js';
import { BatchHandlers } from './application/batch.handlers.js';
import { BatchQueries } from './application/batch.queries.js';
import { StatementDocuments } from './application/statement-documents.js';
import { StatementResolver } from './graphql/statement.resolver.js';
import { ListStatements } from './list-statements/list-statements.handler.js';
import { ListStatementsResolver } from './list-statements/list-statements.resolver.js';
import { BatchesResolver } from './graphql/batches.resolver.js';
import { BatchExportsController } from './http/batch-exports.controller.js';

@Module({
  controllers: [BatchExportsController],
  providers: [
    BatchCalculator,
    BatchHandlers,
    BatchQueries,
    BatchesResolver,
    StatementDocuments,
    StatementResolver,
    ListStatements,
    ListStatementsResolver,
  ],
  exports: [BatchQueries, StatementDocuments],
})
export class BatchesModule {}
