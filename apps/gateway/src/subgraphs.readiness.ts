import { Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { GatewayConfig } from '#libs/config';
import type { ReadinessCheck } from '#libs/runtime';
import { isReady } from './wait-for-subgraphs.js';

/**
 * Ready when every subgraph is ready (its own `/health/ready`: database and events answer), so a
 * load balancer stops sending traffic that could only fail.
 */
@Injectable()
export class SubgraphsReadiness implements ReadinessCheck {
  constructor(
    private readonly config: GatewayConfig,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('subgraphs');
    const results = await Promise.all(
      this.config.subgraphs.map(async ({ name, url }) => [name, await isReady(url)] as const),
    );
    const details = Object.fromEntries(results.map(([name, up]) => [name, up ? 'up' : 'down']));
    return results.every(([, up]) => up) ? indicator.up(details) : indicator.down(details);
  }
}
