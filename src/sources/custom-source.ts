import { type FeedSourceConfig, feedSourceSchema } from '../config/schema.js';
import { type AddressPolicy, findNonPublicAddress } from '../http/address-guard.js';
import type { BlockedKind } from '../http/address-ranges.js';
import type { HttpClient } from '../http/types.js';
import type { CustomSource } from '../store/store.js';
import { createSource, type SourceOptions } from './create-source.js';
import { parseFeedPosts } from './feed.js';
import type { Source } from './source.js';

/** The feed source config of a feed added from Slack, validated like one in the config file. */
export function customSourceConfig(source: CustomSource): FeedSourceConfig {
  return feedSourceSchema.parse({
    id: source.id,
    type: 'feed',
    url: source.url,
    ...(source.name ? { name: source.name } : {}),
  });
}

/** The adapter of a feed added from Slack: always untrusted, so the scan fetches it through the address guard. */
export function createCustomSource(source: CustomSource, options: SourceOptions = {}): Source {
  return { ...createSource(customSourceConfig(source), options), untrusted: true };
}

export type SourceAddressCheck =
  | { ok: true }
  | { ok: false; reason: 'blocked'; address: string; kind: BlockedKind }
  | { ok: false; reason: 'unresolved' };

/**
 * Whether a URL typed in Slack may become a source: its host must resolve, and only to public addresses,
 * unless `allowPrivateNetworks`. The scan checks again on every fetch and redirect; this is the early, clear refusal.
 */
export async function checkSourceAddress(
  url: URL,
  options: { allowPrivateNetworks: boolean; policy?: AddressPolicy | undefined },
): Promise<SourceAddressCheck> {
  if (options.allowPrivateNetworks) return { ok: true };
  try {
    const found = await findNonPublicAddress(url, options.policy);
    return found ? { ok: false, reason: 'blocked', ...found } : { ok: true };
  } catch {
    return { ok: false, reason: 'unresolved' };
  }
}

/** Whether a feed could be read when it was added: how many items it has, or why it could not be read. */
export type FeedProbe = { ok: true; items: number } | { ok: false; error: string };

/**
 * Reads a feed once, as the scan will (untrusted: through the address guard, redirects included), so whoever
 * adds it hears at once that it is a 404, an HTML page or broken XML. Not conditional: no validators are kept,
 * so the first scan parses the whole feed.
 */
export async function probeFeed(
  http: HttpClient,
  url: string,
  options: { now: Date; signal?: AbortSignal | undefined },
): Promise<FeedProbe> {
  try {
    const response = await http.fetchText(url, {
      untrusted: true,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const posts = parseFeedPosts(response.body, { sourceId: 'new', feedUrl: response.url, now: options.now });
    return { ok: true, items: posts.length };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
