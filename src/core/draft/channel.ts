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

/**
 * Length of `text` as `channel` counts it: X (Twitter) weights Hangul and CJK double and every URL as 23;
 * other channels count characters (code points).
 */
export function replyLength(text: string, channel: Channel): number {
  if (channel !== 'twitter') return [...text].length;
  let length = 0;
  const withoutUrls = text.replace(URL_IN_TEXT, () => {
    length += TWITTER_URL_WEIGHT;
    return '';
  });
  for (const char of withoutUrls) length += twitterWeight(char.codePointAt(0) ?? 0);
  return length;
}

/**
 * The UTF-16 offset where `text` goes past `limit` on `channel`, or undefined when it fits.
 * Used to point a length finding at the part that would be cut.
 */
export function overflowOffset(
  text: string,
  channel: Channel,
  limit = CHANNEL_LIMITS[channel],
): number | undefined {
  if (replyLength(text, channel) <= limit) return undefined;
  let offset = 0;
  let prefix = '';
  for (const char of text) {
    if (replyLength(prefix + char, channel) > limit) return offset;
    prefix += char;
    offset += char.length;
  }
  return undefined;
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
