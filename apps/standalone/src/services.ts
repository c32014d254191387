import type { ServiceDefinition } from '#libs/runtime';
import { authorizationApp } from '../../authorization/src/authorization.app.js';
import { optOutApp } from '../../opt-out/src/opt-out.app.js';
import { rightsRegistryApp } from '../../rights-registry/src/rights-registry.app.js';
import { royaltyDistributionApp } from '../../royalty-distribution/src/royalty-distribution.app.js';

export interface SubgraphService {
  definition: ServiceDefinition;
  /** Gateway variable that names the service's URL. */
  urlVariable: string;
}

/** The four subgraph services in start order. */
export const subgraphServices: readonly SubgraphService[] = [
  { definition: rightsRegistryApp, urlVariable: 'RIGHTS_REGISTRY_URL' },
  { definition: authorizationApp, urlVariable: 'AUTHORIZATION_URL' },
  { definition: optOutApp, urlVariable: 'OPT_OUT_URL' },
  { definition: royaltyDistributionApp, urlVariable: 'ROYALTY_DISTRIBUTION_URL' },
];
