import { Module } from '@nestjs/common';
import { SchemeHandlers } from './application/scheme.handlers.js';
import { SchemeQueries } from './application/scheme.queries.js';
import { SchemesResolver } from './graphql/schemes.resolver.js';

@Module({
  providers: [SchemeHandlers, SchemeQueries, SchemesResolver],
  exports: [SchemeQueries],
})
export class SchemesModule {}
