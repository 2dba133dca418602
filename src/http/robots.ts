import robotsParserModule from 'robots-parser';

// robots-parser is CommonJS exporting the function itself, while its typings declare an ES default export.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** What one robots.txt fetch returned; `status` 0 when it could not be fetched at all. */
export interface RobotsFetchResult {
  status: number;
  body: string;
}

/** A site's answer for one URL. */
export interface RobotsVerdict {
  allowed: boolean;
  /** The site's Crawl-delay for our user agent, ms. */
  crawlDelayMs: number | undefined;
}

export interface RobotsCache {
  /** Whether `url` may be fetched; loads `${origin}/robots.txt` at most once per origin per TTL. */
  check(url: URL): Promise<RobotsVerdict>;
}

export interface RobotsCacheOptions {
  /** Our full User-Agent; robots.txt groups are matched on its product token ("Bulssi"). */
  userAgent: string;
  /** Fetches a robots.txt URL; a throw means the site could not be reached. */
  fetchRobots: (robotsUrl: string) => Promise<RobotsFetchResult>;
  /** How long a fetched robots.txt is trusted, ms. */
  ttlMs?: number;
  /** How long to wait before asking again after robots.txt failed with 5xx or a network error, ms. */
  failureTtlMs?: number;
  /** ms since epoch. */
  now?: () => number;
  /** Told when robots.txt could not be read, so everything on that origin is being allowed for now. */
  onUnavailable?: (origin: string, reason: string) => void;
}

interface Rules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

interface Entry {
  expiresAtMs: number;
  rules: Promise<Rules | undefined>;
}

/** One hour: long enough that a scan every 10 minutes asks each site about once an hour. */
export const ROBOTS_TTL_MS = 60 * 60 * 1000;
const FAILURE_TTL_MS = 10 * 60 * 1000;

/**
 * robots.txt per origin, cached with concurrent lookups sharing one fetch. As Google does, a 4xx robots.txt
 * (none published) allows everything; unlike Google, a 429, 5xx or network failure also allows everything (and
 * is reported through `onUnavailable`, then asked again sooner), so one broken robots.txt does not silence a source.
 */
export function createRobotsCache(options: RobotsCacheOptions): RobotsCache {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? ROBOTS_TTL_MS;
  const failureTtlMs = options.failureTtlMs ?? FAILURE_TTL_MS;
  const entries = new Map<string, Entry>();

  const load = (origin: string): Entry => {
    const robotsUrl = `${origin}/robots.txt`;
    const entry: Entry = { expiresAtMs: now() + ttlMs, rules: Promise.resolve(undefined) };
    const unavailable = (reason: string) => {
      entry.expiresAtMs = now() + failureTtlMs;
      options.onUnavailable?.(origin, reason);
      return undefined;
    };
    entry.rules = options.fetchRobots(robotsUrl).then(
      ({ status, body }): Rules | undefined => {
        if (status >= 200 && status < 300) return robotsParser(robotsUrl, body);
        if (status >= 400 && status < 500 && status !== 429) return undefined;
        return unavailable(`HTTP ${status}`);
      },
      (error: unknown) => unavailable(error instanceof Error ? error.message : String(error)),
    );
    return entry;
  };

  return {
    async check(url) {
      let entry = entries.get(url.origin);
      if (!entry || entry.expiresAtMs <= now()) {
        entry = load(url.origin);
        entries.set(url.origin, entry);
      }
      const rules = await entry.rules;
      if (!rules) return { allowed: true, crawlDelayMs: undefined };
      const delay = rules.getCrawlDelay(options.userAgent);
      return {
        allowed: rules.isAllowed(`${url.origin}${url.pathname}${url.search}`, options.userAgent) !== false,
        crawlDelayMs: delay !== undefined && Number.isFinite(delay) ? delay * 1000 : undefined,
      };
    },
  };
}
