import { guessLang, type Lang, type Metrics, type Post } from '../core/post.js';
import { collapseWhitespace, MAX_TEXT_CHARS, MAX_TITLE_CHARS, truncateText } from './text.js';

/** Title made from the body when a post has none (short posts, some feeds): this many characters. */
const TITLE_FROM_TEXT_CHARS = 80;

/** What an adapter knows about one post; absent fields may be undefined. Title and text are plain text. */
export interface PostDraft {
  sourceId: string;
  /** The site's own id (RSS guid, Atom id, HN objectID); when absent the URL identifies the post. */
  key?: string | undefined;
  /** Absolute http(s) URL of the post. */
  url: string;
  title: string;
  text?: string | undefined;
  author?: string | undefined;
  /** ISO 8601 */
  publishedAt?: string | undefined;
  metrics?: { [K in keyof Metrics]?: number | undefined };
  /** When the source says; otherwise guessed from the script of title and text. */
  lang?: Lang | undefined;
  /** Published by a news outlet. */
  media?: boolean | undefined;
}

/**
 * The normalized Post: id `${sourceId}:${key or url}` (stable across scans), title and text capped,
 * counts that are missing or negative left out, language guessed when the source does not say.
 */
export function buildPost(draft: PostDraft): Post {
  const text = truncateText(collapseWhitespace(draft.text ?? ''), MAX_TEXT_CHARS);
  let title = collapseWhitespace(draft.title);
  if (!title) title = text ? truncateText(text, TITLE_FROM_TEXT_CHARS) : draft.url;
  title = truncateText(title, MAX_TITLE_CHARS);

  const metrics: Metrics = {};
  for (const key of ['views', 'comments', 'likes', 'shares'] as const) {
    const value = draft.metrics?.[key];
    if (value !== undefined && Number.isFinite(value) && value >= 0) metrics[key] = Math.round(value);
  }

  const post: Post = {
    id: `${draft.sourceId}:${draft.key || draft.url}`,
    sourceId: draft.sourceId,
    url: draft.url,
    title,
    text,
    metrics,
    lang: draft.lang ?? guessLang(`${title} ${text}`),
  };
  const author = collapseWhitespace(draft.author ?? '');
  if (author) post.author = truncateText(author, 100);
  if (draft.publishedAt) post.publishedAt = draft.publishedAt;
  if (draft.media) post.media = true;
  return post;
}

/**
 * The absolute http(s) URL `href` points to from `base`, without its #fragment (kept only for "#!" and "#/"
 * routes, where it names the page); undefined for javascript:, mailto: and junk.
 */
export function resolveHttpUrl(href: string | undefined, base: string): string | undefined {
  const trimmed = href?.trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (!/^#[!/]/.test(url.hash)) url.hash = '';
    return url.toString();
  } catch {
    return undefined;
  }
}
