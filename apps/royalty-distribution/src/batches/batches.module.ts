import { Module } from '@nestjs/common';
import { BatchCalculator } from './application/batch-calculator.js';
import { BatchHandlers } from './application/batch.handlers.js';
import { BatchQueries } from './application/batch.queries.js';
import { BatchesResolver } from './graphql/batches.resolver.js';

@Module({
  providers: [BatchCalculator, BatchHandlers, BatchQueries, BatchesResolver],
  exports: [BatchQueries],
})
export class BatchesModule {}
