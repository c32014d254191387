import { Module } from '@nestjs/common';
import { RegistryViewModule } from '#libs/registry-view';
import { LicensingViewProjection } from './application/licensing-view.projection.js';

/** What this service knows of the registry, licenses, schemes and opt-outs, from events. */
@Module({
  imports: [
    RegistryViewModule.forService({
      schema: 'royalty_distribution',
      consumer: 'royalty-distribution.registry-view',
      global: true,
      titleSearch: true,
    }),
  ],
  providers: [LicensingViewProjection],
})
export class ViewsModule {}
