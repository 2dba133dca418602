import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import got, { type Got } from 'got';
import type { Config } from '../config/schema.js';
import { FetchError, stripUrlAuth } from '../errors.js';
import {
  type AddressPolicy,
  assertPublicUrl,
  createGuardedLookup,
  createRedirectGuard,
} from './address-guard.js';
import { decodeText } from './charset.js';
import { statusError, toFetchError, withAttempts } from './fetch-errors.js';
import { fetchOnce, type RawResponse } from './fetch-once.js';
import { createHostLimiter, type HostLimiter } from './host-limiter.js';
import { createMemoryValidatorCache } from './memory-validator-cache.js';
import { callerHeaders, dropCallerHeadersAcrossOrigins } from './request-headers.js';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from './retry-policy.js';
import { createRobotsCache, type RobotsCache } from './robots.js';
import type { FetchOptions, FetchResponse, HttpClient, ValidatorCache } from './types.js';

/** The `http` section of the configuration, defaults applied. */
export type HttpConfig = Config['http'];

/** The slice of a pino logger the client uses; only URLs (credentials stripped) and codes are logged, never headers. */
export interface HttpLogger {
  warn(obj: Record<string, unknown>, msg: string): void;
  debug?(obj: Record<string, unknown>, msg: string): void;
}

/** Names the bot and where to read about it, so site owners can see who is asking and why. */
export const DEFAULT_USER_AGENT = 'Bulssi/0.1 (+https://github.com/bulssi/bulssi; reputation monitoring bot)';

export interface HttpClientOptions {
  config: HttpConfig;
  /** Where conditional GET keeps ETag / Last-Modified; in memory (lost on restart) when omitted. */
  validators?: ValidatorCache | undefined;
  logger?: HttpLogger | undefined;
  /** Overrides `config.userAgent` and the default. */
  userAgent?: string | undefined;
  /** Wait before the first retry when the server gives no Retry-After, ms; doubles per retry. Default 1000. */
  retryBaseMs?: number;
  /** Longest backoff between retries before jitter, ms. Default 30000. */
  retryMaxMs?: number;
  /** How long a robots.txt is trusted, ms. Default one hour. */
  robotsTtlMs?: number;
  /** ms since epoch; Date.now by default. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** [0, 1) for retry jitter; Math.random by default. */
  random?: () => number;
  /** How untrusted URLs are resolved and which addresses are refused (DNS and classifyAddress by default). */
  addressPolicy?: AddressPolicy;
}

const DEFAULT_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml;q=0.9,application/json;q=0.9,*/*;q=0.5';
/** robots.txt beyond this is not read (Google stops at 500 KiB too), bytes. */
const ROBOTS_MAX_BYTES = 512 * 1024;
/** A Crawl-delay above this is capped so one site cannot stall a scan, ms. */
const MAX_CRAWL_DELAY_MS = 60_000;
const RETRYABLE_CODES = new Set(['ERR_NETWORK', 'ERR_TIMEOUT']);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The HttpClient every source uses. Each fetch: robots.txt check (when asked and `config.respectRobots`;
 * an untrusted fetch reads robots.txt through the address guard too),
 * per-host queue and pacing, one got request with timeout and body cap, retries on network errors, 408,
 * 429 and 5xx (Retry-After honoured up to `config.maxRetryAfterMs`, else exponential backoff with jitter),
 * conditional GET, then charset sniffing and decoding.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { config, logger } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const userAgent = options.userAgent ?? config.userAgent ?? DEFAULT_USER_AGENT;
  const validators = options.validators ?? createMemoryValidatorCache();
  const backoff = { baseMs: options.retryBaseMs ?? 1000, maxMs: options.retryMaxMs ?? 30_000, random };

  const client: Got = got.extend({
    headers: {
      'user-agent': userAgent,
      accept: DEFAULT_ACCEPT,
      'accept-language': 'ko-KR,ko;q=0.9,en;q=0.8',
    },
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: true,
    maxRedirects: 10,
    hooks: { beforeRedirect: [dropCallerHeadersAcrossOrigins] },
  });
  // Untrusted URLs get their own sockets (a kept-alive socket from a trusted fetch is never reused) and a
  // lookup that refuses non-public addresses, so every redirect and every connection is checked.
  const guardedClient: Got = client.extend({
    dnsLookup: createGuardedLookup(options.addressPolicy),
    agent: { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) },
    hooks: { beforeRedirect: [createRedirectGuard(options.addressPolicy)] },
  });
  const limiter: HostLimiter = createHostLimiter({
    concurrency: config.perHostConcurrency,
    intervalMs: config.perHostIntervalMs,
    now,
    sleep,
  });
  /** robots.txt per origin, fetched through `via`: untrusted sources' through the guarded client. */
  const createRobots = (via: Got): RobotsCache =>
    createRobotsCache({
      userAgent,
      now,
      ...(options.robotsTtlMs === undefined ? {} : { ttlMs: options.robotsTtlMs }),
      fetchRobots: async (robotsUrl) => {
        const url = new URL(robotsUrl);
        const raw = await limiter.run(url.host, () =>
          fetchOnce(via, url, {
            headers: {},
            timeoutMs: config.timeoutMs,
            maxBodyBytes: Math.min(config.maxBodyBytes, ROBOTS_MAX_BYTES),
            requireText: false,
          }),
        );
        return {
          status: raw.status,
          body: decodeText(raw.body, { contentType: 'text/plain; charset=utf-8' }).text,
        };
      },
      onUnavailable: (origin, reason) =>
        logger?.warn(
          { origin, reason },
          'robots.txt could not be read; allowing every path on this site for now',
        ),
    });
  // Kept apart so a robots.txt read for a trusted source never vouches for an untrusted one, nor the reverse.
  const robots = createRobots(client);
  const guardedRobots = createRobots(guardedClient);

  /** One logical GET: attempts through the host limiter until success, a final status or no retries left. */
  async function fetchWithRetries(
    url: URL,
    headers: Record<string, string>,
    via: Got = client,
    signal?: AbortSignal,
  ): Promise<RawResponse> {
    const safeUrl = stripUrlAuth(url.href);
    const wait = (ms: number) => (signal ? abortableSleep(sleep, ms, signal, safeUrl) : sleep(ms));
    for (let attempt = 1; ; attempt += 1) {
      if (signal?.aborted) throw abortedError(safeUrl);
      let raw: RawResponse;
      try {
        raw = await limiter.run(url.host, () =>
          fetchOnce(via, url, {
            headers,
            timeoutMs: config.timeoutMs,
            maxBodyBytes: config.maxBodyBytes,
            requireText: true,
            signal,
          }),
        );
      } catch (error) {
        const retryable = error instanceof FetchError && RETRYABLE_CODES.has(error.code);
        if (!retryable || attempt > config.retries) throw attempt > 1 ? withAttempts(error, attempt) : error;
        const delayMs = backoffDelay(attempt, backoff);
        logger?.debug?.({ url: safeUrl, code: error.code, attempt, delayMs }, 'fetch failed; retrying');
        await wait(delayMs);
        continue;
      }
      if (!isRetryableStatus(raw.status) || attempt > config.retries) {
        if (raw.status >= 200 && raw.status <= 299) return raw;
        if (raw.status === 304) return raw;
        throw statusError(raw, attempt);
      }
      const retryAfterMs = parseRetryAfter(firstHeader(raw.headers['retry-after']), now());
      if (retryAfterMs !== undefined && retryAfterMs > config.maxRetryAfterMs) {
        throw new FetchError(
          'ERR_RETRY_AFTER_TOO_LONG',
          `${raw.url} answered HTTP ${raw.status} and asked to wait ${Math.ceil(retryAfterMs / 1000)} s before ` +
            `trying again, longer than http.maxRetryAfterMs (${config.maxRetryAfterMs} ms); skipped until the next scan.`,
          raw.url,
          { status: raw.status },
        );
      }
      const delayMs = retryAfterMs ?? backoffDelay(attempt, backoff);
      if (retryAfterMs !== undefined) limiter.holdUntil(url.host, now() + retryAfterMs);
      logger?.debug?.(
        { url: safeUrl, status: raw.status, attempt, delayMs },
        'fetch got a retryable status; retrying',
      );
      await wait(delayMs);
    }
  }

  /** Checked before robots.txt, so not even robots.txt is fetched from a refused host. */
  async function assertPublicHost(url: URL): Promise<void> {
    try {
      await assertPublicUrl(url, options.addressPolicy);
    } catch (error) {
      throw toFetchError(error, stripUrlAuth(url.href), config.timeoutMs);
    }
  }

  async function checkRobots(url: URL, guarded: boolean): Promise<void> {
    const verdict = await (guarded ? guardedRobots : robots).check(url);
    if (verdict.crawlDelayMs !== undefined) {
      limiter.widenInterval(url.host, Math.min(verdict.crawlDelayMs, MAX_CRAWL_DELAY_MS));
    }
    if (!verdict.allowed) {
      const safeUrl = stripUrlAuth(url.href);
      throw new FetchError(
        'ERR_ROBOTS_DISALLOWED',
        `${safeUrl} is disallowed for our user agent by ${url.origin}/robots.txt; not fetched. ` +
          'Remove or change the source unless the site owner allows it.',
        safeUrl,
      );
    }
  }

  async function readValidators(key: string): Promise<{ etag?: string; lastModified?: string } | undefined> {
    try {
      return await validators.get(key);
    } catch (error) {
      logger?.warn(
        { url: key, reason: messageOf(error) },
        'could not read cached validators; fetching in full',
      );
      return undefined;
    }
  }

  async function storeValidators(key: string, raw: RawResponse, previous: object | undefined): Promise<void> {
    const etag = firstHeader(raw.headers.etag);
    const lastModified = firstHeader(raw.headers['last-modified']);
    if (!etag && !lastModified && !previous) return;
    try {
      await validators.set(key, { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) });
    } catch (error) {
      logger?.warn(
        { url: key, reason: messageOf(error) },
        'could not store validators; the next fetch will be in full',
      );
    }
  }

  return {
    async fetchText(input, fetchOptions: FetchOptions = {}): Promise<FetchResponse> {
      const url = parseHttpUrl(input, fetchOptions.searchParams);
      const key = stripUrlAuth(url.href);
      const guarded = fetchOptions.untrusted === true && !config.allowPrivateNetworks;
      if (guarded) await assertPublicHost(url);
      if (fetchOptions.robots && config.respectRobots) await checkRobots(url, guarded);

      const headers = callerHeaders(fetchOptions.headers);
      const previous = fetchOptions.conditional ? await readValidators(key) : undefined;
      if (previous?.etag) headers['if-none-match'] = previous.etag;
      if (previous?.lastModified) headers['if-modified-since'] = previous.lastModified;

      const raw = await fetchWithRetries(url, headers, guarded ? guardedClient : client, fetchOptions.signal);
      const contentType = firstHeader(raw.headers['content-type']);
      const responseHeaders = { ...raw.headers };
      if (raw.status === 304) {
        if (!fetchOptions.conditional) throw statusError(raw, 1);
        return {
          url: raw.url,
          status: 304,
          notModified: true,
          body: '',
          charset: '',
          contentType,
          headers: responseHeaders,
        };
      }

      const decoded = decodeText(raw.body, { contentType, override: fetchOptions.encoding });
      if (decoded.source === 'guess') {
        logger?.warn(
          { url: raw.url, charset: decoded.charset },
          'no charset declared and not UTF-8; read as cp949 (EUC-KR)',
        );
      }
      if (decoded.unknownLabels.length > 0) {
        logger?.warn(
          { url: raw.url, labels: decoded.unknownLabels, charset: decoded.charset, source: decoded.source },
          'unknown charset label; decoded with the next clue instead',
        );
      }
      if (fetchOptions.conditional) {
        const write = () => storeValidators(key, raw, previous);
        if (fetchOptions.deferValidators) fetchOptions.deferValidators(write);
        else await write();
      }
      return {
        url: raw.url,
        status: raw.status,
        notModified: false,
        body: decoded.text,
        charset: decoded.charset,
        contentType,
        headers: responseHeaders,
      };
    },
  };
}

/** Resolves the request URL with `searchParams` set on it; only http(s) is fetched. */
function parseHttpUrl(input: string, searchParams: FetchOptions['searchParams']): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch (error) {
    throw new FetchError(
      'ERR_INVALID_URL',
      `"${stripUrlAuth(input)}" is not a valid URL.`,
      stripUrlAuth(input),
      {
        cause: error,
      },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const safe = stripUrlAuth(url.href);
    throw new FetchError(
      'ERR_INVALID_URL',
      `${safe} is not an http(s) URL; only web pages can be fetched.`,
      safe,
    );
  }
  for (const [name, value] of Object.entries(searchParams ?? {})) url.searchParams.set(name, String(value));
  return url;
}

function abortedError(url: string): FetchError {
  return new FetchError('ERR_ABORTED', `Fetching ${url} was stopped (Bulssi is shutting down).`, url);
}

/** `sleep`, cut short with ERR_ABORTED when `signal` aborts. */
function abortableSleep(
  sleep: (ms: number) => Promise<void>,
  ms: number,
  signal: AbortSignal,
  url: string,
): Promise<void> {
  if (signal.aborted) return Promise.reject(abortedError(url));
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(abortedError(url));
    signal.addEventListener('abort', onAbort, { once: true });
    sleep(ms).then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, reject);
  });
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
