import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Messaging } from '#libs/messaging';
import { RegistryViewReader, registryViewHandlers } from '#libs/registry-view';

/** Consumer (group and inbox) name of the registry view. */
export const REGISTRY_VIEW_CONSUMER = 'opt-out.registry-view';

/** Keeps the registry view from registry events. */
@Injectable()
export class RegistryViewProjection implements OnModuleInit {
  constructor(private readonly messaging: Messaging) {}

  onModuleInit(): void {
    this.messaging.register(REGISTRY_VIEW_CONSUMER, registryViewHandlers('opt_out'));
  }
}

/**
 * The registry as this service knows it from events (works, share holders over time, parties,
 * memberships), so it answers without calling the registry.
 */
@Module({
  providers: [
    RegistryViewProjection,
    {
      provide: RegistryViewReader,
      useFactory: (dataSource: DataSource) => new RegistryViewReader(dataSource, 'opt_out'),
      inject: [DataSource],
    },
  ],
  exports: [RegistryViewReader],
})
export class RegistryViewModule {}
