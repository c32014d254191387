import { Module } from '@nestjs/common';
import { Rematch } from './application/rematch.js';
import { UsageIngest } from './application/usage-ingest.js';
import { UsageQueries } from './application/usage.queries.js';
import { UsageResolver } from './graphql/usage.resolver.js';
import { CsvBodyParser, UsageReportsController } from './http/usage-reports.controller.js';

@Module({
  controllers: [UsageReportsController],
  providers: [CsvBodyParser, UsageIngest, UsageQueries, UsageResolver, Rematch],
})
export class UsageModule {}
