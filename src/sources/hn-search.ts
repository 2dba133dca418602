import { z } from 'zod';
import type { HnSourceConfig } from '../config/schema.js';
import type { Post } from '../core/post.js';
import { ParseError } from '../errors.js';
import { buildPost } from './build-post.js';
import { parseDate } from './date.js';
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
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new ParseError(`${where}: the response is not JSON (${(error as Error).message}).`, {
      cause: error,
    });
  }
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
        publishedAt: parseDate(hit.created_at ?? undefined, { now: options.now, utcOffsetMinutes: 0 }),
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
      if (ctx.queries.length === 0) {
        return {
          posts: [],
          unchanged: false,
          warnings: ['no search queries: list brand names under watch.brands'],
        };
      }
      const settled = await Promise.allSettled(
        ctx.queries.map(async (query) => {
          ctx.signal?.throwIfAborted();
          const label = `"${query}"`;
          const response = await ctx.http.fetchText(`${base}/search_by_date`, {
            searchParams: { query, tags: '(story,comment)', hitsPerPage: config.hitsPerPage },
          });
          return { label, ...parseHnSearch(response.body, { sourceId: config.id, label, now: now() }) };
        }),
      );

      const posts: Post[] = [];
      const warnings: string[] = [];
      const seen = new Set<string>();
      const failures: unknown[] = [];
      for (const [i, outcome] of settled.entries()) {
        if (outcome.status === 'rejected') {
          failures.push(outcome.reason);
          const reason = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
          warnings.push(`"${ctx.queries[i] ?? '?'}" failed: ${reason}`);
          continue;
        }
        if (outcome.value.skipped > 0) {
          warnings.push(
            `${outcome.value.label}: ${outcome.value.skipped} hits without an objectID were skipped`,
          );
        }
        for (const post of outcome.value.posts) {
          if (seen.has(post.id)) continue;
          seen.add(post.id);
          posts.push(post);
        }
      }
      if (failures.length === ctx.queries.length) throw failures[0];
      return { posts, unchanged: false, warnings };
    },
  };
}
