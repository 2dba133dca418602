import { z } from 'zod';
import type { NAVER_KINDS, NaverSourceConfig } from '../config/schema.js';
import type { Post } from '../core/post.js';
import { BotError, FetchError, ParseError } from '../errors.js';
import { buildPost, resolveHttpUrl } from './build-post.js';
import { parseDate } from './date.js';
import { noQueriesResult, parseJsonBody, runSearchRequests } from './search-requests.js';
import type { Source, SourceContext, SourceResult } from './source.js';
import { htmlToText } from './text.js';

export type NaverKind = (typeof NAVER_KINDS)[number];

const itemSchema = z.object({
  title: z.string(),
  link: z.string(),
  description: z.string().optional(),
  bloggername: z.string().optional(),
  cafename: z.string().optional(),
  /** Blog posts: "20261120", a day in Korea. */
  postdate: z.string().optional(),
  /** News: RFC 822. */
  pubDate: z.string().optional(),
  originallink: z.string().optional(),
});

const responseSchema = z.object({
  items: z.array(z.unknown()),
  /** How many results the query has in all (not only new ones). */
  total: z.number().optional(),
});

export interface ParseNaverOptions {
  sourceId: string;
  kind: NaverKind;
  /** What the response answers, for messages: `blog "한빛푸드"`. */
  label: string;
  now: Date;
  /** IANA zone of the dates: Naver's are Korean (a blog's `postdate` is a day in Korea), the default. */
  timeZone?: string | undefined;
}

export interface NaverSearchResult {
  posts: Post[];
  /** Items without a title or an http(s) link. */
  skipped: number;
  /** Items in the response, skipped ones included: a page shorter than `display` is the last one. */
  items: number;
  /** The API's count of every result for the query, when it says. */
  total?: number;
}

/**
 * The link as the API gives it. It is a URL, not HTML: decoding entities would turn `&section=` into
 * `§ion=` and `&region=` into `®ion=`. Only an escaped `&amp;` becomes `&`.
 */
function naverLink(link: string): string {
  return link.replaceAll('&amp;', '&');
}

/**
 * Posts from one Naver Search API response (blog, cafearticle, news or kin). Titles and descriptions
 * lose their <b> highlights and HTML entities; links are kept as given. Throws ParseError when the body is not the API's JSON.
 */
export function parseNaverSearch(body: string, options: ParseNaverOptions): NaverSearchResult {
  const where = `Naver source '${options.sourceId}' (${options.label})`;
  const json = parseJsonBody(body, where);
  const envelope = responseSchema.safeParse(json);
  if (!envelope.success) {
    const message = (json as { errorMessage?: unknown } | null)?.errorMessage;
    const detail = typeof message === 'string' ? `Naver says "${message}"` : z.prettifyError(envelope.error);
    throw new ParseError(`${where}: the response has no items list: ${detail}`, { cause: envelope.error });
  }

  const posts: Post[] = [];
  let skipped = 0;
  for (const raw of envelope.data.items) {
    const parsed = itemSchema.safeParse(raw);
    const url = parsed.success
      ? resolveHttpUrl(naverLink(parsed.data.link), 'https://search.naver.com/')
      : undefined;
    if (!parsed.success || !url) {
      skipped += 1;
      continue;
    }
    const item = parsed.data;
    const date = item.postdate ?? item.pubDate;
    posts.push(
      buildPost({
        sourceId: options.sourceId,
        url,
        title: htmlToText(item.title),
        text: htmlToText(item.description ?? ''),
        author: item.bloggername ? htmlToText(item.bloggername) : undefined,
        publishedAt: parseDate(date, { now: options.now, timeZone: options.timeZone }),
        media: options.kind === 'news',
      }),
    );
  }
  const result: NaverSearchResult = { posts, skipped, items: envelope.data.items.length };
  if (envelope.data.total !== undefined) result.total = envelope.data.total;
  return result;
}

/** Request headers carrying the API keys; throws naming the environment variables when one is missing. */
export function naverAuthHeaders(
  auth: NaverSourceConfig['auth'],
  env: Readonly<Record<string, string | undefined>>,
  sourceId: string,
): Record<string, string> {
  const id = env.NAVER_CLIENT_ID?.trim();
  const secret = env.NAVER_CLIENT_SECRET?.trim();
  if (!id || !secret) {
    const missing = [!id && 'NAVER_CLIENT_ID', !secret && 'NAVER_CLIENT_SECRET']
      .filter(Boolean)
      .join(' and ');
    throw new BotError(
      'ERR_MISSING_SECRET',
      `Naver source '${sourceId}' needs API keys: set ${missing} in the environment ` +
        '(register an application at https://developers.naver.com/apps with the Search API).',
    );
  }
  return auth === 'apihub'
    ? { 'X-NCP-APIGW-API-KEY-ID': id, 'X-NCP-APIGW-API-KEY': secret }
    : { 'X-Naver-Client-Id': id, 'X-Naver-Client-Secret': secret };
}

/** A FetchError with advice for the statuses the Naver API answers when keys or quota are the problem. */
function explain(error: unknown, sourceId: string): unknown {
  if (!(error instanceof FetchError) || error.status === undefined) return error;
  const advice: Record<number, string> = {
    401: 'Naver rejected the API keys: check NAVER_CLIENT_ID and NAVER_CLIENT_SECRET (and `auth` in the config).',
    403: 'Naver refused the request: enable the Search API for this application at https://developers.naver.com/apps.',
    429: 'Naver API daily quota (25,000 calls) is used up, or calls are too fast; it resets at midnight KST.',
  };
  const hint = advice[error.status];
  if (!hint) return error;
  return new FetchError(error.code, `Naver source '${sourceId}': ${hint} (${error.message})`, error.url, {
    cause: error,
    status: error.status,
  });
}

/** Naver answers nothing past the 1,000th result: `start` may be at most 1000. */
const MAX_START = 1000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * How far back the first scan of a query (since the process started) reads when a burst fills its first page.
 * Nothing tells the source when the previous scan ran (the schedule is a cron expression and `scan --once`
 * starts afresh), so it reads a day back: longer than any sensible scan interval, short enough to stay cheap.
 */
const FIRST_SCAN_LOOKBACK_MS = DAY;
/** Naver indexes some posts a little after their date: a post this much older than the last scan may still be new. */
const INDEXING_DELAY_MS = HOUR;

/** What one kind × query returned at its last complete read, to know where the new results end. */
interface QueryMemory {
  /** When that read started, ms. */
  readAt: number;
  urls: ReadonlySet<string>;
}

/**
 * The latest moment a post can have been published: a blog's `postdate` names only a day (its midnight), so
 * the post may be from any time that day. Undefined when the post has no date (café articles, kin).
 */
function latestPossible(post: Post, kind: NaverKind): number | undefined {
  if (!post.publishedAt) return undefined;
  const ms = Date.parse(post.publishedAt);
  if (Number.isNaN(ms)) return undefined;
  return kind === 'blog' ? ms + DAY - 1 : ms;
}

/**
 * Naver Search API: one request per kind × query, newest first (`sort=date`), the same link once across queries.
 * When a burst fills the first page, the next pages (`start`) are read until a page reaches a result seen at
 * the previous read of that query, or one older than that read (a day back on the first read since start-up;
 * café and kin results carry no date, so a first read without a date to go by stops at one page), or the
 * query's last result, or `maxPages`: hitting the cap, or Naver's 1,000-result limit, with more left is a
 * warning naming the query and how many results were not read. A quiet query costs one request per scan.
 * One failing request is a warning; the source fails only when every request does. Dates are Korean unless
 * the source's `timezone` says otherwise: the API's, whatever `schedule.timezone` is.
 */
export function createNaverSearchSource(
  config: NaverSourceConfig,
  options: { now?: () => Date } = {},
): Source {
  const now = options.now ?? (() => new Date());
  const base = config.baseUrl.replace(/\/+$/, '');
  const memory = new Map<string, QueryMemory>();
  return {
    id: config.id,
    type: config.type,
    async fetchPosts(ctx: SourceContext): Promise<SourceResult> {
      const headers = naverAuthHeaders(config.auth, ctx.env, config.id);
      if (ctx.queries.length === 0) return noQueriesResult();
      const requests = config.kinds.flatMap((kind) =>
        ctx.queries.map((query) => ({ kind, query, label: `${kind} "${query}"` })),
      );

      const readQuery = async (kind: NaverKind, query: string, label: string) => {
        const key = `${kind}\u0000${query}`;
        const previous = memory.get(key);
        const readAt = now().getTime();
        const cutoff = previous ? previous.readAt - INDEXING_DELAY_MS : readAt - FIRST_SCAN_LOOKBACK_MS;
        const posts: Post[] = [];
        const warnings: string[] = [];
        let skipped = 0;
        let complete = true;
        for (let page = 1, start = 1; ; page += 1) {
          ctx.signal?.throwIfAborted();
          let result: NaverSearchResult;
          try {
            const response = await ctx.http.fetchText(`${base}/${kind}.json`, {
              headers,
              searchParams: { query, display: config.display, start, sort: 'date' },
            });
            result = parseNaverSearch(response.body, {
              sourceId: config.id,
              kind,
              label,
              now: now(),
              timeZone: config.timezone,
            });
          } catch (error) {
            if (page === 1 || ctx.signal?.aborted) throw explain(error, config.id);
            const explained = explain(error, config.id);
            const reason = explained instanceof Error ? explained.message : String(explained);
            warnings.push(`${label}: page ${page} (results from ${start}) failed: ${reason}`);
            complete = false;
            break;
          }
          posts.push(...result.posts);
          skipped += result.skipped;

          const last = start + result.items - 1;
          const exhausted =
            result.items < config.display || (result.total !== undefined && last >= result.total);
          const reachedSeen = previous !== undefined && result.posts.some((p) => previous.urls.has(p.url));
          const reachedOld = result.posts.some(
            (p) => (latestPossible(p, kind) ?? Number.POSITIVE_INFINITY) < cutoff,
          );
          const undatedFirstRead =
            !previous && result.posts.every((p) => latestPossible(p, kind) === undefined);
          if (exhausted || reachedSeen || reachedOld || undatedFirstRead) break;

          const next = start + config.display;
          if (page >= config.maxPages || next > MAX_START) {
            const left = result.total !== undefined ? `${result.total - last} more results` : 'more results';
            const limit =
              page >= config.maxPages
                ? `the page limit was reached (maxPages ${config.maxPages}, ${last} results read)`
                : `Naver serves no result past the ${MAX_START}th`;
            warnings.push(`${label}: ${limit}; ${left} were skipped`);
            break;
          }
          start = next;
        }
        if (complete) memory.set(key, { readAt, urls: new Set(posts.map((p) => p.url)) });
        return { posts, skipped, warnings };
      };

      return runSearchRequests(
        requests,
        (index) => {
          const { kind, query, label } = requests[index] as (typeof requests)[number];
          return readQuery(kind, query, label);
        },
        'items without a title or link',
      );
    },
  };
}
