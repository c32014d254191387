import { Module } from '@nestjs/common';
import { RegistryProjection } from './registry-projection.js';
import { RegistryView } from './registry-view.queries.js';

/** The registry as this service knows it from events. */
@Module({
  providers: [RegistryProjection, RegistryView],
  exports: [RegistryView],
})
export class RegistryViewModule {}
