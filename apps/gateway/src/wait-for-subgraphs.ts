import type { SubgraphEndpoint } from '#libs/config';

const PROBE_TIMEOUT_MS = 2000;
const RETRY_DELAY_MS = 250;

/** Whether a service answers `GET /health/live` (the process serves HTTP). */
export const isLive = (baseUrl: string): Promise<boolean> => probe(`${baseUrl}/health/live`);

/** Whether a service answers `GET /health/ready` (its database and event transport answer). */
export const isReady = (baseUrl: string): Promise<boolean> => probe(`${baseUrl}/health/ready`);

async function probe(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Waits until every subgraph is live: the gateway composes the supergraph from them at start,
 * so it must not start before them. Throws naming the ones still down after `timeoutMs`.
 */
export async function waitForSubgraphs(
  subgraphs: SubgraphEndpoint[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let pending = subgraphs;
  for (;;) {
    const live = await Promise.all(pending.map((subgraph) => isLive(subgraph.url)));
    pending = pending.filter((_, index) => !live[index]);
    if (pending.length === 0) return;
    if (Date.now() >= deadline) {
      throw new Error(
        `Subgraphs not reachable after ${timeoutMs} ms: ${pending
          .map(({ name, url }) => `${name} (${url})`)
          .join(', ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
  }
}
