import { Module } from '@nestjs/common';
import { BatchCalculator } from './application/batch-calculator.js';
import { BatchHandlers } from './application/batch.handlers.js';
import { BatchQueries } from './application/batch.queries.js';
import { BatchesResolver } from './graphql/batches.resolver.js';
import { BatchExportsController } from './http/batch-exports.controller.js';

@Module({
  controllers: [BatchExportsController],
  providers: [BatchCalculator, BatchHandlers, BatchQueries, BatchesResolver],
  exports: [BatchQueries],
})
export class BatchesModule {}
