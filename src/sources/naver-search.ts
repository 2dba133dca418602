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

const responseSchema = z.object({ items: z.array(z.unknown()) });

export interface ParseNaverOptions {
  sourceId: string;
  kind: NaverKind;
  /** What the response answers, for messages: `blog "한빛푸드"`. */
  label: string;
  now: Date;
}

export interface NaverSearchResult {
  posts: Post[];
  /** Items without a title or an http(s) link. */
  skipped: number;
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
        publishedAt: parseDate(date, { now: options.now }),
        media: options.kind === 'news',
      }),
    );
  }
  return { posts, skipped };
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

/**
 * Naver Search API: one request per kind × query, newest first, the same link once across queries.
 * One failing request is a warning; the source fails only when every request does.
 */
export function createNaverSearchSource(
  config: NaverSourceConfig,
  options: { now?: () => Date } = {},
): Source {
  const now = options.now ?? (() => new Date());
  const base = config.baseUrl.replace(/\/+$/, '');
  return {
    id: config.id,
    type: config.type,
    async fetchPosts(ctx: SourceContext): Promise<SourceResult> {
      const headers = naverAuthHeaders(config.auth, ctx.env, config.id);
      if (ctx.queries.length === 0) return noQueriesResult();
      const requests = config.kinds.flatMap((kind) =>
        ctx.queries.map((query) => ({ kind, query, label: `${kind} "${query}"` })),
      );
      return runSearchRequests(
        requests,
        async (index) => {
          const { kind, query, label } = requests[index] as (typeof requests)[number];
          ctx.signal?.throwIfAborted();
          try {
            const response = await ctx.http.fetchText(`${base}/${kind}.json`, {
              headers,
              searchParams: { query, display: config.display, sort: 'date' },
            });
            return parseNaverSearch(response.body, { sourceId: config.id, kind, label, now: now() });
          } catch (error) {
            throw explain(error, config.id);
          }
        },
        'items without a title or link',
      );
    },
  };
}
