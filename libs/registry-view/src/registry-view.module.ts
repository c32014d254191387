import { type DynamicModule, Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Messaging } from '#libs/messaging';
import { registryViewHandlers } from './projection.js';
import { RegistryViewReader } from './reader.js';

const OPTIONS = Symbol('REGISTRY_VIEW_OPTIONS');

interface RegistryViewOptions {
  schema: string;
  /** Consumer (group and inbox) name, e.g. `authorization.registry-view`. */
  consumer: string;
  /** Make the reader injectable in every module of the service. */
  global?: boolean;
  /** Keep the match keys of titles (the service matches works by title). */
  titleSearch?: boolean;
}

@Injectable()
class RegistryViewProjection implements OnModuleInit {
  constructor(
    private readonly messaging: Messaging,
    @Inject(OPTIONS) private readonly options: RegistryViewOptions,
  ) {}

  onModuleInit(): void {
    this.messaging.register(
      this.options.consumer,
      registryViewHandlers(this.options.schema, {
        titleSearch: this.options.titleSearch ?? false,
      }),
    );
  }
}

/**
 * The registry as a service knows it from events, kept in its own schema: import
 * `RegistryViewModule.forService({ schema, consumer })` and inject `RegistryViewReader`.
 */
@Module({})
export class RegistryViewModule {
  static forService(options: RegistryViewOptions): DynamicModule {
    return {
      module: RegistryViewModule,
      global: options.global ?? false,
      providers: [
        { provide: OPTIONS, useValue: options },
        RegistryViewProjection,
        {
          provide: RegistryViewReader,
          useFactory: (dataSource: DataSource) =>
            new RegistryViewReader(dataSource, options.schema),
          inject: [DataSource],
        },
      ],
      exports: [RegistryViewReader],
    };
  }
}
