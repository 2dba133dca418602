import type { Post } from '../core/post.js';
import type { HttpClient } from '../http/types.js';

export interface SourceContext {
  http: HttpClient;
  /** Search queries for API sources: each brand name and alias. */
  queries: readonly string[];
  /** Secrets from the environment (NAVER_CLIENT_ID, ...), never from the config file. */
  env: Readonly<Record<string, string | undefined>>;
  /** Abort on shutdown. */
  signal?: AbortSignal;
}

export interface SourceResult {
  posts: Post[];
  /** Every request came back 304: nothing changed since the last scan and nothing was parsed. */
  unchanged: boolean;
  /** Problems that did not stop the source (one follow-up page failed, one query failed, ...). */
  warnings: string[];
}

/** One configured source. `fetchPosts` throws (FetchError, ParseError) when the source as a whole fails. */
export interface Source {
  id: string;
  type: string;
  /**
   * Added from outside the config file (e.g. from Slack): its fetches may not reach private, loopback or
   * link-local addresses unless `http.allowPrivateNetworks` is true.
   */
  untrusted?: boolean;
  fetchPosts(ctx: SourceContext): Promise<SourceResult>;
}
