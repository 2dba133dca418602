import { type AnyFeed, DetectError, MalformedError, parseFeed } from 'feedsmith';
import type { FeedSourceConfig } from '../config/schema.js';
import type { Post } from '../core/post.js';
import { ParseError, stripUrlAuth } from '../errors.js';
import { buildPost, resolveHttpUrl } from './build-post.js';
import { parseDate } from './date.js';
import type { Source, SourceContext, SourceResult } from './source.js';
import { collapseWhitespace, htmlToText } from './text.js';

export interface ParseFeedOptions {
  sourceId: string;
  /** Final URL of the feed: relative links resolve against it, and errors name it. */
  feedUrl: string;
  /** For dates printed without a zone or relative to the fetch. */
  now: Date;
  /** IANA zone of dates printed without one; Asia/Seoul by default. */
  timeZone?: string | undefined;
}

/** One entry of any feed format, before it becomes a Post. */
interface FeedEntry {
  key?: string | undefined;
  link?: string | undefined;
  title?: string | undefined;
  /** The title is plain text (Atom type="text"), not HTML. */
  plainTitle?: boolean;
  html?: string | undefined;
  plainText?: string | undefined;
  author?: string | undefined;
  date?: string | undefined;
  comments?: number | undefined;
}

/** Hosts whose /url?url=… (or ?q=…) is a click-through redirect (Google Alerts wraps every link in one). */
const REDIRECT_HOST = /(?:^|\.)google\.[a-z]{2,3}(?:\.[a-z]{2})?$/;

/** The real article behind a Google redirect link; other links unchanged. */
export function unwrapRedirect(link: string): string {
  try {
    const url = new URL(link);
    if (!REDIRECT_HOST.test(url.hostname) || url.pathname !== '/url') return link;
    const target = url.searchParams.get('url') ?? url.searchParams.get('q');
    return target && /^https?:\/\//i.test(target) ? target : link;
  } catch {
    return link;
  }
}

function atomText(text: { value?: string; type?: string } | undefined): { value?: string; plain: boolean } {
  if (!text?.value) return { plain: false };
  const type = text.type?.toLowerCase();
  return { value: text.value, plain: type !== 'html' && type !== 'xhtml' };
}

function entriesOf(parsed: AnyFeed): FeedEntry[] {
  switch (parsed.format) {
    case 'rss':
      return (parsed.feed.items ?? []).map((item) => {
        const guid = item.guid?.value;
        const guidLink =
          item.guid?.isPermaLink !== false && guid && /^https?:\/\//i.test(guid) ? guid : undefined;
        const author = item.dc?.creators?.[0] ?? item.authors?.[0]?.name ?? item.authors?.[0]?.email;
        return {
          key: guid,
          link: item.link ?? guidLink ?? item.atom?.links?.[0]?.href,
          title: item.title,
          html: item.content?.encoded ?? item.description,
          author,
          date: item.pubDate ?? item.dc?.dates?.[0] ?? item.dcterms?.created?.[0],
          comments: item.slash?.comments ?? item.thr?.total,
        };
      });
    case 'atom':
      return (parsed.feed.entries ?? []).map((entry) => {
        const links = entry.links ?? [];
        const link = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
        const title = atomText(entry.title);
        const body = atomText(entry.content?.value ? entry.content : entry.summary);
        return {
          key: entry.id,
          link: link?.href,
          title: title.value,
          plainTitle: title.plain,
          ...(body.plain ? { plainText: body.value } : { html: body.value }),
          author: entry.authors?.[0]?.name,
          date: entry.published ?? entry.updated,
          comments: entry.slash?.comments ?? entry.thr?.total,
        };
      });
    case 'rdf':
      return (parsed.feed.items ?? []).map((item) => ({
        key: item.rdf?.about ?? item.link,
        link: item.link ?? item.rdf?.about,
        title: item.title,
        html: item.content?.encoded ?? item.description,
        author: item.dc?.creators?.[0],
        date: item.dc?.dates?.[0],
        comments: item.slash?.comments,
      }));
    case 'json':
      return (parsed.feed.items ?? []).map((item) => ({
        key: item.id,
        link: item.url ?? item.external_url,
        title: item.title,
        plainTitle: true,
        ...(item.content_html
          ? { html: item.content_html }
          : { plainText: item.content_text ?? item.summary }),
        author: item.authors?.[0]?.name,
        date: item.date_published ?? item.date_modified,
      }));
  }
}

function readFeed(body: string, sourceId: string, feedUrl: string): AnyFeed {
  const where = `Feed source '${sourceId}' (${stripUrlAuth(feedUrl)})`;
  if (!body.trim())
    throw new ParseError(`${where}: the response is empty; expected an RSS, Atom or RDF feed.`);
  try {
    return parseFeed(body);
  } catch (error) {
    if (error instanceof MalformedError) {
      const detail = error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new ParseError(`${where}: the feed XML is malformed${detail}.`, { cause: error });
    }
    if (error instanceof DetectError) {
      const start = collapseWhitespace(body.slice(0, 60));
      throw new ParseError(
        `${where}: the response is not an RSS, Atom, RDF or JSON feed (it starts with "${start}"). Check the feed URL.`,
        { cause: error },
      );
    }
    throw new ParseError(`${where}: the feed could not be read: ${String(error)}`, { cause: error });
  }
}

/**
 * Posts from an RSS 2.0, Atom, RDF (RSS 1.0) or JSON feed: Google Alerts, Naver blog RSS, news RSS,
 * Reddit Atom, ... Google redirect links are unwrapped to the article; entries without a usable link
 * are skipped. Throws ParseError naming the source when the body is not a feed or the XML is broken.
 */
export function parseFeedPosts(body: string, options: ParseFeedOptions): Post[] {
  const parsed = readFeed(body, options.sourceId, options.feedUrl);
  const posts: Post[] = [];
  const seen = new Set<string>();
  for (const entry of entriesOf(parsed)) {
    const resolved = resolveHttpUrl(entry.link, options.feedUrl);
    if (!resolved) continue;
    const url = unwrapRedirect(resolved);
    const post = buildPost({
      sourceId: options.sourceId,
      key: entry.key?.trim() || url,
      url,
      title: entry.plainTitle ? collapseWhitespace(entry.title ?? '') : htmlToText(entry.title ?? ''),
      text: entry.html !== undefined ? htmlToText(entry.html) : (entry.plainText ?? ''),
      author: entry.author,
      publishedAt: parseDate(entry.date, { now: options.now, timeZone: options.timeZone }),
      metrics: { comments: entry.comments },
    });
    if (seen.has(post.id)) continue;
    seen.add(post.id);
    posts.push(post);
  }
  return posts;
}

/**
 * A feed source: one conditional GET per scan; a 304 means nothing new and nothing parsed. Dates without a
 * zone are read in the source's `timezone`, else `options.timeZone`.
 */
export function createFeedSource(
  config: FeedSourceConfig,
  options: { now?: () => Date; timeZone?: string | undefined } = {},
): Source {
  const now = options.now ?? (() => new Date());
  const timeZone = config.timezone ?? options.timeZone;
  return {
    id: config.id,
    type: config.type,
    async fetchPosts(ctx: SourceContext): Promise<SourceResult> {
      ctx.signal?.throwIfAborted();
      const response = await ctx.http.fetchText(config.url, { conditional: true });
      if (response.notModified) return { posts: [], unchanged: true, warnings: [] };
      const posts = parseFeedPosts(response.body, {
        sourceId: config.id,
        feedUrl: response.url,
        now: now(),
        timeZone,
      });
      return { posts, unchanged: false, warnings: [] };
    },
  };
}
