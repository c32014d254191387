import { type DynamicModule, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller.js';
import { ServiceMetrics } from './metrics.js';

/** `GET /metrics` in Prometheus text format, from the service's own registry. */
@Module({})
export class MetricsModule {
  static forRoot(metrics: ServiceMetrics): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [{ provide: ServiceMetrics, useValue: metrics }],
      exports: [ServiceMetrics],
    };
  }
}
