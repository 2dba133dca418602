import { createHash } from 'node:crypto';
import type { CustomSource } from '../store/store.js';

/** Most feeds that may be added from Slack; more belong in the config file. */
export const CUSTOM_SOURCES_MAX = 50;
/** Longest display name accepted from Slack, characters. */
export const CUSTOM_SOURCE_NAME_MAX = 80;
/** Longest feed URL accepted from Slack, characters. */
export const CUSTOM_SOURCE_URL_MAX = 2000;

export type SourceUrlRefusal = 'invalid_url' | 'not_http' | 'credentials';

export type AddSourceRefusal = SourceUrlRefusal | 'duplicate' | 'too_many' | 'name_too_long';

export type AddSourceResult =
  | { ok: true; source: CustomSource; sources: CustomSource[] }
  | { ok: false; reason: AddSourceRefusal };

export type RemoveSourceResult =
  | { ok: true; removed: CustomSource; sources: CustomSource[] }
  | { ok: false; reason: 'not_found' | 'configured' };

/** A configured source as far as adding and removing from Slack cares. */
export interface ConfiguredSource {
  id: string;
  url?: string | undefined;
}

/**
 * A feed URL as typed in Slack: `<https://…>` and `<https://…|label>` (Slack's link markup) are unwrapped.
 * Only http(s) without credentials is accepted: whatever is stored is shown to everyone in `/crisis sources`.
 */
export function parseSourceUrl(
  input: string,
): { ok: true; url: URL } | { ok: false; reason: SourceUrlRefusal } {
  const text = input.trim().replace(/^<([^|>]*)(?:\|[^>]*)?>$/, '$1');
  if (!text || text.length > CUSTOM_SOURCE_URL_MAX) return { ok: false, reason: 'invalid_url' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'invalid_url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'not_http' };
  if (url.username || url.password) return { ok: false, reason: 'credentials' };
  url.hash = '';
  return { ok: true, url };
}

/** The id a feed added from Slack gets: stable for its URL, so a re-added feed keeps its history. */
export function customSourceId(url: string): string {
  return `slack-${createHash('sha256').update(url).digest('hex').slice(0, 6)}`;
}

/** Adds a feed from Slack, refusing a bad URL, a feed already scanned, a long name or one too many. */
export function addCustomSource(
  existing: readonly CustomSource[],
  configured: readonly ConfiguredSource[],
  input: { url: string; name?: string | undefined; by: string; now: string },
): AddSourceResult {
  const parsed = parseSourceUrl(input.url);
  if (!parsed.ok) return parsed;
  const url = parsed.url.href;
  const name = input.name?.trim().replace(/\s+/g, ' ') || undefined;
  if (name && name.length > CUSTOM_SOURCE_NAME_MAX) return { ok: false, reason: 'name_too_long' };
  const id = customSourceId(url);
  const known = [...configured, ...existing];
  if (known.some((s) => s.id === id || (s.url !== undefined && sameUrl(s.url, url)))) {
    return { ok: false, reason: 'duplicate' };
  }
  if (existing.length >= CUSTOM_SOURCES_MAX) return { ok: false, reason: 'too_many' };
  const source: CustomSource = { id, url, addedBy: input.by, addedAt: input.now, ...(name ? { name } : {}) };
  return { ok: true, source, sources: [...existing, source] };
}

/** Removes a feed added from Slack, by id or URL; configured sources are changed in the config file only. */
export function removeCustomSource(
  existing: readonly CustomSource[],
  configured: readonly ConfiguredSource[],
  idOrUrl: string,
): RemoveSourceResult {
  const wanted = idOrUrl.trim();
  const parsed = parseSourceUrl(wanted);
  const matches = (s: ConfiguredSource) =>
    s.id === wanted || (parsed.ok && s.url !== undefined && sameUrl(s.url, parsed.url.href));
  const removed = existing.find(matches);
  if (removed) return { ok: true, removed, sources: existing.filter((s) => s !== removed) };
  return { ok: false, reason: configured.some(matches) ? 'configured' : 'not_found' };
}

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}
