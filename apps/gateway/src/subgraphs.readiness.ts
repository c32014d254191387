import { Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { GatewayConfig } from '#libs/config';
import type { ReadinessCheck } from '#libs/runtime';
import { isReady } from './wait-for-subgraphs.js';

/** How long one round of subgraph probes answers every readiness request. */
const PROBES_REUSED_MS = 1000;

/**
 * Ready when every subgraph is ready (its own `/health/ready`: database and events answer), so a
 * load balancer stops sending traffic that could only fail. The probes of one round serve every
 * readiness request for a second: however often the public endpoint is asked, the subgraphs are
 * asked at most once a second.
 */
@Injectable()
export class SubgraphsReadiness implements ReadinessCheck {
  private probes: { at: number; results: Promise<(readonly [string, boolean])[]> } | undefined;

  constructor(
    private readonly config: GatewayConfig,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('subgraphs');
    const results = await this.probe();
    const details = Object.fromEntries(results.map(([name, up]) => [name, up ? 'up' : 'down']));
    return results.every(([, up]) => up) ? indicator.up(details) : indicator.down(details);
  }

  private probe(): Promise<(readonly [string, boolean])[]> {
    if (!this.probes || Date.now() - this.probes.at >= PROBES_REUSED_MS) {
      this.probes = {
        at: Date.now(),
        results: Promise.all(
          this.config.subgraphs.map(async ({ name, url }) => [name, await isReady(url)] as const),
        ),
      };
    }
    return this.probes.results;
  }
}
