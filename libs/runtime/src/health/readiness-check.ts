import type { HealthIndicatorResult } from '@nestjs/terminus';

/** One dependency that must answer before the service counts as ready. */
export interface ReadinessCheck {
  check(): Promise<HealthIndicatorResult>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
