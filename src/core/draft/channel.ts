import { z } from 'zod';

/**
 * Where a reply will be posted. Each has its own length rule: a tweet is cut at 280 weighted characters,
 * a café comment or a blog reply can say more but is read on a phone.
 */
export const CHANNELS = ['twitter', 'naver_cafe', 'blog', 'reddit', 'youtube'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

/** Longest reply that still reads well on each channel, in the channel's own count (see `replyLength`). */
export const CHANNEL_LIMITS: Readonly<Record<Channel, number>> = {
  twitter: 280,
  youtube: 500,
  naver_cafe: 1000,
  reddit: 1500,
  blog: 1500,
};

const URL_IN_TEXT = /https?:\/\/\S+/g;
/** A URL counts as 23 characters on X (Twitter), whatever its length. */
const TWITTER_URL_WEIGHT = 23;

/** X's weighting: Latin, Hangul Jamo below U+1100 and common punctuation count 1; Hangul, CJK and emoji count 2. */
function twitterWeight(codePoint: number): number {
  if (codePoint <= 0x10ff) return 1;
  if (codePoint >= 0x2000 && codePoint <= 0x200d) return 1;
  if (codePoint >= 0x2010 && codePoint <= 0x201f) return 1;
  if (codePoint >= 0x2032 && codePoint <= 0x2037) return 1;
  return 2;
}

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** A pictograph, a flag half or a keycap mark: a cluster holding one is an emoji. */
const EMOJI_PART = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

/** The user-perceived characters of `text`: a ZWJ family, a skin-toned thumb or a flag is one. */
function graphemes(text: string): string[] {
  return Array.from(GRAPHEMES.segment(text), ({ segment }) => segment);
}

/**
 * X's weight of one grapheme cluster: a whole emoji (👨‍👩‍👧‍👦, 👍🏽, 🇰🇷, 1️⃣) counts 2 however many code
 * points it is made of; anything else is the sum of its code points' weights.
 */
function clusterWeight(cluster: string): number {
  const codePoints = [...cluster];
  if (codePoints.length > 1 && EMOJI_PART.test(cluster)) return 2;
  let weight = 0;
  for (const char of codePoints) weight += twitterWeight(char.codePointAt(0) ?? 0);
  return weight;
}

/**
 * Length of `text` as `channel` counts it: X (Twitter) weights Hangul and CJK double, every URL as 23 and
 * every emoji (a whole grapheme cluster, ZWJ sequences included) as 2; other channels count characters
 * (code points).
 */
export function replyLength(text: string, channel: Channel): number {
  if (channel !== 'twitter') return [...text].length;
  let length = 0;
  const withoutUrls = text.replace(URL_IN_TEXT, () => {
    length += TWITTER_URL_WEIGHT;
    return '';
  });
  for (const cluster of graphemes(withoutUrls)) length += clusterWeight(cluster);
  return length;
}

/**
 * The UTF-16 offset where `text` goes past `limit` on `channel`, or undefined when it fits. Always at a
 * grapheme cluster boundary, never inside an emoji sequence. Used to point a length finding at the part
 * that would be cut.
 */
export function overflowOffset(
  text: string,
  channel: Channel,
  limit = CHANNEL_LIMITS[channel],
): number | undefined {
  if (replyLength(text, channel) <= limit) return undefined;
  // Cluster boundaries; the length of a prefix only grows with it, so the longest prefix that fits is found
  // by bisection.
  const ends = [0];
  for (const { index, segment } of GRAPHEMES.segment(text)) ends.push(index + segment.length);
  let fits = 0;
  let overflows = ends.length - 1;
  while (overflows - fits > 1) {
    const middle = (fits + overflows) >> 1;
    if (replyLength(text.slice(0, ends[middle]), channel) <= limit) fits = middle;
    else overflows = middle;
  }
  return ends[fits];
}

const HOSTS: ReadonlyArray<[RegExp, Channel]> = [
  [/(^|\.)(twitter\.com|x\.com|t\.co)$/, 'twitter'],
  [/(^|\.)cafe\.naver\.com$|(^|\.)cafe\.daum\.net$/, 'naver_cafe'],
  [/(^|\.)reddit\.com$|(^|\.)redd\.it$/, 'reddit'],
  [/(^|\.)youtube\.com$|(^|\.)youtu\.be$/, 'youtube'],
];

/**
 * The channel a post lives on, from its URL: X, Naver or Daum café, Reddit, YouTube; anything else
 * (blogs, community boards, news comments) is answered like a blog reply.
 */
export function channelOfUrl(url: string): Channel {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'blog';
  }
  for (const [pattern, channel] of HOSTS) if (pattern.test(host)) return channel;
  return 'blog';
}
