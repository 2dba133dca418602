import { type CheerioAPI, load } from 'cheerio';
import type { HtmlSourceConfig } from '../config/schema.js';
import type { Metrics, Post } from '../core/post.js';
import type { FetchOptions } from '../http/types.js';
import { BotError, stripUrlAuth } from '../errors.js';
import { buildPost, resolveHttpUrl } from './build-post.js';
import { parseCount } from './count.js';
import { parseDate } from './date.js';
import type { Source, SourceContext, SourceResult } from './source.js';
import { collapseWhitespace, nodeText, type TextNode } from './text.js';

export type BoardSelectors = HtmlSourceConfig['selectors'];
export type FollowSelectors = Omit<NonNullable<HtmlSourceConfig['follow']>, 'limit'>;

export interface ParseBoardOptions {
  sourceId: string;
  /** Final URL of the list page: relative links resolve against it (or its <base href>). */
  pageUrl: string;
  selectors: BoardSelectors;
  /** For relative dates ("3분 전", "14:32"). */
  now: Date;
  /** IANA zone of dates printed without one, and of the days "어제" and "14:32" fall on; Asia/Seoul by default. */
  timeZone?: string | undefined;
}

export interface BoardListResult {
  /** In page order, each link once. `text` is empty: the list shows no bodies. */
  posts: Post[];
  /** Layout problems worth a look: the item selector matched nothing, items without a title or link. */
  warnings: string[];
}

export interface BoardPostResult {
  /** Body text, or undefined when the body selector matched nothing. */
  text: string | undefined;
  metrics: Metrics;
}

type Selection = ReturnType<CheerioAPI>;

function textOf(selection: Selection, skip?: ReadonlySet<unknown>): string {
  const node = selection.get(0);
  return node ? nodeText(node as TextNode, skip) : '';
}

/** An element's date: a machine-readable attribute (datetime, title) wins over the shortened label. */
function dateLabels(element: Selection): string[] {
  const labels = [element.attr('datetime'), element.attr('title'), textOf(element)];
  return labels.filter((label): label is string => Boolean(label?.trim()));
}

function countIn(scope: Selection, selector: string | undefined): number | undefined {
  if (!selector) return undefined;
  const element = scope.find(selector).first();
  return element.length > 0 ? parseCount(textOf(element)) : undefined;
}

/** Throws a BotError naming the bad selector, instead of the CSS parser's bare SyntaxError mid-scan. */
function checkSelectors(selectors: Record<string, unknown>, sourceId: string, prefix = 'selectors'): void {
  const probe = load('');
  for (const [name, selector] of Object.entries(selectors)) {
    if (typeof selector !== 'string') continue;
    try {
      probe(selector);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new BotError(
        'ERR_CONFIG',
        `HTML source '${sourceId}': ${prefix}.${name} '${selector}' is not a valid CSS selector (${reason}). Fix it in the config file.`,
        { cause: error },
      );
    }
  }
}

/** The href of the title element, the <a> around it or the first <a> inside it. */
function titleHref(title: Selection): string | undefined {
  return (
    title.attr('href') ?? title.closest('a[href]').attr('href') ?? title.find('a[href]').first().attr('href')
  );
}

/**
 * Posts on a board's list page, found by CSS selectors: title, link, author, date and counts per item.
 * A comment count printed inside the title ("제목 [12]") is taken out of the title when the comments
 * selector points at it. Lenient on broken HTML; reports a page where the item selector matches nothing,
 * since that usually means the site changed its layout.
 */
export function parseBoardList(html: string, options: ParseBoardOptions): BoardListResult {
  const { selectors, sourceId } = options;
  checkSelectors(selectors, sourceId);
  const $ = load(html);
  const base = resolveHttpUrl($('base[href]').first().attr('href'), options.pageUrl) ?? options.pageUrl;
  const items = $(selectors.item);
  const where = stripUrlAuth(options.pageUrl);
  if (items.length === 0) {
    return { posts: [], warnings: [`item selector '${selectors.item}' matched nothing on ${where}`] };
  }

  const posts: Post[] = [];
  const seen = new Set<string>();
  let withoutTitle = 0;
  let withoutLink = 0;
  items.each((_, element) => {
    const item = $(element);
    const title = item.find(selectors.title).first();
    if (title.length === 0) {
      withoutTitle += 1;
      return;
    }
    const url = resolveHttpUrl(titleHref(selectors.link ? item.find(selectors.link).first() : title), base);
    if (!url) {
      withoutLink += 1;
      return;
    }
    if (seen.has(url)) return;
    seen.add(url);

    const countsInTitle = new Set<unknown>(selectors.comments ? item.find(selectors.comments).toArray() : []);
    const dateElement = selectors.date ? item.find(selectors.date).first() : undefined;
    const publishedAt = dateElement
      ? dateLabels(dateElement)
          .map((label) => parseDate(label, { now: options.now, timeZone: options.timeZone }))
          .find((date) => date !== undefined)
      : undefined;
    posts.push(
      buildPost({
        sourceId,
        url,
        title: textOf(title, countsInTitle),
        author: selectors.author ? textOf(item.find(selectors.author).first()) : undefined,
        publishedAt,
        metrics: {
          views: countIn(item, selectors.views),
          comments: countIn(item, selectors.comments),
          likes: countIn(item, selectors.likes),
        },
      }),
    );
  });

  const warnings: string[] = [];
  // Notice rows and ads often match the item selector without a title or with a javascript: link;
  // that is only a layout problem when no item yields a post.
  if (posts.length === 0 && withoutTitle > 0) {
    warnings.push(`title selector '${selectors.title}' matched nothing in ${withoutTitle} items on ${where}`);
  }
  if (posts.length === 0 && withoutLink > 0) {
    warnings.push(`${withoutLink} items on ${where} have no http(s) link (check the link selector)`);
  }
  return { posts, warnings };
}

/** Body text and counts on one post page; counts missing from the page are left out. */
export function parseBoardPost(html: string, selectors: FollowSelectors, sourceId = 'html'): BoardPostResult {
  checkSelectors(selectors, sourceId, 'follow');
  const $ = load(html);
  const root = $.root();
  const body = $(selectors.body);
  const text =
    body.length > 0
      ? collapseWhitespace(
          body
            .toArray()
            .map((node) => nodeText(node as TextNode))
            .join(' '),
        )
      : undefined;
  const metrics: Metrics = {};
  const views = countIn(root, selectors.views);
  const comments = countIn(root, selectors.comments);
  const likes = countIn(root, selectors.likes);
  if (views !== undefined) metrics.views = views;
  if (comments !== undefined) metrics.comments = comments;
  if (likes !== undefined) metrics.likes = likes;
  return { text, metrics };
}

/** Newest first by date; posts without a date keep their page order after the dated ones. */
function newestFirst(posts: readonly Post[]): Post[] {
  return posts
    .map((post, index) => ({
      post,
      index,
      time: post.publishedAt ? Date.parse(post.publishedAt) : Number.NaN,
    }))
    .sort((a, b) => {
      const aKnown = !Number.isNaN(a.time);
      const bKnown = !Number.isNaN(b.time);
      if (aKnown && bKnown && a.time !== b.time) return b.time - a.time;
      if (aKnown !== bKnown) return aKnown ? -1 : 1;
      return a.index - b.index;
    })
    .map(({ post }) => post);
}

/**
 * A community board read from its list page (dates without a zone in the source's `timezone`, else
 * `options.timeZone`) (conditional GET, robots.txt honoured) and, with `follow`,
 * from up to `follow.limit` of its newest post pages for body text and fresher counts. A post page that
 * fails to load is a warning; the post keeps what the list showed.
 */
export function createHtmlBoardSource(
  config: HtmlSourceConfig,
  options: { now?: () => Date; timeZone?: string | undefined } = {},
): Source {
  const now = options.now ?? (() => new Date());
  const timeZone = config.timezone ?? options.timeZone;
  const fetchOptions: FetchOptions = { robots: true };
  if (config.encoding) fetchOptions.encoding = config.encoding;

  return {
    id: config.id,
    type: config.type,
    async fetchPosts(ctx: SourceContext): Promise<SourceResult> {
      ctx.signal?.throwIfAborted();
      const list = await ctx.http.fetchText(config.url, { ...fetchOptions, conditional: true });
      if (list.notModified) return { posts: [], unchanged: true, warnings: [] };
      const { posts, warnings } = parseBoardList(list.body, {
        sourceId: config.id,
        pageUrl: list.url,
        selectors: config.selectors,
        now: now(),
        timeZone,
      });
      const follow = config.follow;
      if (!follow || posts.length === 0) return { posts, unchanged: false, warnings };
      checkSelectors(follow, config.id, 'follow');

      const chosen = new Set(newestFirst(posts).slice(0, follow.limit));
      const followed = await Promise.all(
        posts.map(async (post): Promise<Post> => {
          if (!chosen.has(post)) return post;
          try {
            ctx.signal?.throwIfAborted();
            const page = await ctx.http.fetchText(post.url, fetchOptions);
            const details = parseBoardPost(page.body, follow, config.id);
            if (details.text === undefined) {
              warnings.push(
                `follow body selector '${follow.body}' matched nothing on ${stripUrlAuth(post.url)}`,
              );
            }
            return buildPost({
              ...post,
              key: post.url,
              text: details.text,
              metrics: { ...post.metrics, ...details.metrics },
              lang: undefined,
            });
          } catch (error) {
            if (ctx.signal?.aborted) throw error;
            const reason = error instanceof Error ? error.message : String(error);
            warnings.push(`post page ${stripUrlAuth(post.url)} could not be read: ${reason}`);
            return post;
          }
        }),
      );
      return { posts: followed, unchanged: false, warnings };
    },
  };
}
