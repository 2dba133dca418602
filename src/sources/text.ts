import { load } from 'cheerio';

/** Longest title a source hands on, characters; longer ones are cut with "…". */
export const MAX_TITLE_CHARS = 300;
/** Longest body text a source hands on, characters: enough to score, small enough to store per scan. */
export const MAX_TEXT_CHARS = 5_000;

/** The shape of a cheerio (domhandler) node that text extraction needs. */
export interface TextNode {
  type: string;
  data?: string;
  name?: string;
  children?: TextNode[];
}

/** Elements whose content is never visible text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'head']);

/** Elements that break a line when rendered: their text must not run into the neighbour's. */
const BLOCKS = new Set(
  (
    'address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li ' +
    'main nav ol p pre section table tbody td tfoot th thead tr ul'
  ).split(' '),
);

const ZERO_WIDTH = /[\u200b-\u200d\u2060\u00ad]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** One line of plain text: every run of whitespace (including NBSP and ideographic space) becomes one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(ZERO_WIDTH, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Visible text of a parsed node: scripts and styles dropped, block elements kept apart by a space,
 * the nodes in `skip` (e.g. a comment count inside a title link) left out.
 */
export function nodeText(node: TextNode, skip?: ReadonlySet<unknown>): string {
  const parts: string[] = [];
  const walk = (current: TextNode): void => {
    if (skip?.has(current)) return;
    if (current.type === 'text') {
      parts.push(current.data ?? '');
      return;
    }
    if (current.type === 'comment' || current.type === 'directive') return;
    const name = current.name?.toLowerCase();
    if (name && SKIPPED.has(name)) return;
    const block = name !== undefined && BLOCKS.has(name);
    if (block) parts.push(' ');
    for (const child of current.children ?? []) walk(child);
    if (block) parts.push(' ');
  };
  walk(node);
  return collapseWhitespace(parts.join(''));
}

/**
 * Plain text from an HTML fragment: tags removed, every HTML entity decoded (&quot; &#54620; &nbsp; ...),
 * whitespace collapsed. Text without `<` or `&` is only collapsed.
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  const $ = load(html, null, false);
  return nodeText($.root().get(0) as TextNode);
}

/** Cuts text to at most `max` characters, ending in "…" when cut, never splitting a surrogate pair. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
