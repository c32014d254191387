import {
  checkWebhookUrl,
  DEFAULT_WEBHOOK_URL_POLICY,
} from '../../deliveries/domain/webhook-url.js';
import {
  resolveTarget,
  systemLookup,
  type LookupAll,
} from '../../deliveries/outbound/target-address.js';

/**
 * What is wrong with an endpoint's URL, as a sentence, or null: the deliveries' own URL rule
 * (`https:` unless a loopback host is allowed, no user name, password or fragment) and address
 * rule (a host that resolves to public addresses only; private, link-local and metadata
 * addresses never). The dispatcher checks the address again at every delivery, since a name
 * may resolve elsewhere later.
 */
export async function endpointUrlProblem(
  value: string,
  allowLoopback: boolean,
  lookupAll: LookupAll = systemLookup,
): Promise<string | null> {
  const verdict = checkWebhookUrl(value, { ...DEFAULT_WEBHOOK_URL_POLICY, allowLoopback });
  if (!verdict.ok) return `url: ${verdict.reason}`;
  const target = await resolveTarget(verdict.url, { allowLoopback }, lookupAll);
  return target.ok ? null : `url: ${target.reason}`;
}
