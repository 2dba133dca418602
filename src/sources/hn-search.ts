import { z } from 'zod';
import type { HnSourceConfig } from '../config/schema.js';
import type { Post } from '../core/post.js';
import { ParseError } from '../errors.js';
import { buildPost } from './build-post.js';
import { parseDate } from './date.js';
import { noQueriesResult, parseJsonBody, runSearchRequests } from './search-requests.js';
import type { Source, SourceContext, SourceResult } from './source.js';
import { htmlToText } from './text.js';

/** Where a Hacker News item is discussed: the engagement counts belong to this page. */
export const HN_ITEM_URL = 'https://news.ycombinator.com/item?id=';

const text = z.string().nullish();
const count = z.number().nullish();
const hitSchema = z.object({
  objectID: z.union([z.string().min(1), z.number()]),
  title: text,
  story_title: text,
  url: text,
  story_url: text,
  story_text: text,
  comment_text: text,
  author: text,
  created_at: text,
  points: count,
  num_comments: count,
});

const responseSchema = z.object({ hits: z.array(z.unknown()) });

export interface ParseHnOptions {
  sourceId: string;
  /** What the response answers, for messages: `"Hanbit Foods"`. */
  label: string;
  now: Date;
  /** IANA zone of dates without one; Algolia's are UTC, the default. */
  timeZone?: string | undefined;
}

export interface HnSearchResult {
  posts: Post[];
  /** Hits without an objectID. */
  skipped: number;
}

/**
 * Posts from one Hacker News (Algolia) search response, stories and comments alike. A comment's title is
 * "Re: " + its story's title. Likes are points, comments are the discussion's size; the URL is the HN item page.
 * Throws ParseError when the body is not the API's JSON.
 */
export function parseHnSearch(body: string, options: ParseHnOptions): HnSearchResult {
  const where = `Hacker News source '${options.sourceId}' (${options.label})`;
  const json = parseJsonBody(body, where);
  const envelope = responseSchema.safeParse(json);
  if (!envelope.success) {
    throw new ParseError(`${where}: the response has no hits list: ${z.prettifyError(envelope.error)}`, {
      cause: envelope.error,
    });
  }

  const posts: Post[] = [];
  let skipped = 0;
  for (const raw of envelope.data.hits) {
    const parsed = hitSchema.safeParse(raw);
    if (!parsed.success) {
      skipped += 1;
      continue;
    }
    const hit = parsed.data;
    const id = String(hit.objectID);
    const isComment = Boolean(hit.comment_text) && !hit.title;
    const title = isComment
      ? `Re: ${htmlToText(hit.story_title ?? '')}`
      : htmlToText(hit.title ?? hit.story_title ?? '');
    posts.push(
      buildPost({
        sourceId: options.sourceId,
        key: id,
        url: `${HN_ITEM_URL}${encodeURIComponent(id)}`,
        title,
        text: htmlToText(hit.comment_text ?? hit.story_text ?? ''),
        author: hit.author ?? undefined,
        publishedAt: parseDate(hit.created_at ?? undefined, {
          now: options.now,
          timeZone: options.timeZone ?? 'UTC',
        }),
        metrics: { likes: hit.points ?? undefined, comments: hit.num_comments ?? undefined },
      }),
    );
  }
  return { posts, skipped };
}

/** Hacker News search by date: one request per query for stories and comments; the same item once. */
export function createHnSearchSource(config: HnSourceConfig, options: { now?: () => Date } = {}): Source {
  const now = options.now ?? (() => new Date());
  const base = config.baseUrl.replace(/\/+$/, '');
  return {
    id: config.id,
    type: config.type,
    async fetchPosts(ctx: SourceContext): Promise<SourceResult> {
      if (ctx.queries.length === 0) return noQueriesResult();
      const requests = ctx.queries.map((query) => ({ query, label: `"${query}"` }));
      return runSearchRequests(
        requests,
        async (index) => {
          const { query, label } = requests[index] as (typeof requests)[number];
          ctx.signal?.throwIfAborted();
          const response = await ctx.http.fetchText(`${base}/search_by_date`, {
            searchParams: { query, tags: '(story,comment)', hitsPerPage: config.hitsPerPage },
          });
          return parseHnSearch(response.body, {
            sourceId: config.id,
            label,
            now: now(),
            timeZone: config.timezone,
          });
        },
        'hits without an objectID',
      );
    },
  };
}
