/** What a fetch returns once the body is decoded to a string. */
export interface FetchResponse {
  /** Final URL after redirects. */
  url: string;
  status: number;
  /** True on a 304 to a conditional GET: `body` is empty and the caller should skip parsing. */
  notModified: boolean;
  /** Decoded text (charset from header, BOM or <meta>, else UTF-8). Empty when notModified. */
  body: string;
  /** The charset the body was decoded from, lowercased (e.g. "utf-8", "euc-kr"). */
  charset: string;
  contentType: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

export interface FetchOptions {
  /** Send If-None-Match / If-Modified-Since from the last response to this URL, and remember the new validators. */
  conditional?: boolean;
  /** Check robots.txt first (HTML pages; APIs and feeds meant for machines skip it). */
  robots?: boolean;
  /** Force a charset instead of sniffing. */
  encoding?: string;
  headers?: Record<string, string>;
  searchParams?: Record<string, string | number>;
  /**
   * The URL came from outside the config file (e.g. added from Slack): refuse private, loopback,
   * link-local, CGNAT, multicast and other non-public addresses, after DNS and on every redirect, with
   * ERR_BLOCKED_ADDRESS, unless `http.allowPrivateNetworks` is true.
   */
  untrusted?: boolean;
  /**
   * With `conditional`: instead of remembering the new validators now, hand over the write, so the caller
   * stores them only after it has kept what the response covered (a crash in between refetches in full).
   */
  deferValidators?: (write: () => Promise<void>) => void;
  /** Aborts the request, its retries and any wait between them (shutdown); fails with ERR_ABORTED. */
  signal?: AbortSignal;
}

/**
 * The only way sources reach the network: timeouts, body cap, retries honouring Retry-After,
 * per-host concurrency and pacing, robots.txt, an honest User-Agent and conditional GET.
 * Failures throw FetchError with a stable code (ERR_HTTP_STATUS, ERR_TIMEOUT, ERR_BODY_TOO_LARGE,
 * ERR_ROBOTS_DISALLOWED, ERR_NETWORK, ERR_BLOCKED_ADDRESS, ERR_BAD_REDIRECT, ...).
 */
export interface HttpClient {
  fetchText(url: string, options?: FetchOptions): Promise<FetchResponse>;
}

/** Remembers ETag / Last-Modified per URL between scans (backed by the store). */
export interface ValidatorCache {
  get(url: string): Promise<{ etag?: string; lastModified?: string } | undefined>;
  set(url: string, validators: { etag?: string; lastModified?: string }): Promise<void>;
}
