import { createHash } from 'node:crypto';
import { BotError, stripUrlAuth } from '../errors.js';

/** Query parameters that only say where a click came from; removing them never changes the page. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'spm',
  'from',
  'napm',
  'si',
  'feature',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'vero_id',
  'trk',
  'cmpid',
  'scm',
  'recommendtrackingcode',
  'trackingcode',
  'fromrss',
  'inflow',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hmb_', 'oly_', '__twitter'];

/** Share-sheet parameters that only mean something on one site (elsewhere `s` or `t` can be a real query). */
const HOST_TRACKING: Record<string, readonly string[]> = {
  'twitter.com': ['s', 't', 'cxt'],
  'instagram.com': ['img_index'],
  'youtube.com': ['pp', 'ab_channel'],
};

/** Hosts that are the same site under another name. */
const HOST_ALIASES: Record<string, string> = {
  'x.com': 'twitter.com',
  'mobile.x.com': 'twitter.com',
  'youtu.be': 'youtube.com',
};

function isTracking(name: string, host: string): boolean {
  const key = name.toLowerCase();
  if (TRACKING_PARAMS.has(key)) return true;
  if (TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix))) return true;
  return HOST_TRACKING[host]?.includes(key) ?? false;
}

/** Lower case, no trailing dot, no `www.`, mobile hosts folded onto the desktop one (m.blog.naver.com → blog.naver.com). */
function canonicalHost(hostname: string): string {
  let host = hostname.toLowerCase().replace(/\.$/, '');
  for (;;) {
    const folded = host.replace(/^(?:www\d*|m|mobile|amp)\./, '');
    if (folded === host || !folded.includes('.')) break;
    host = folded;
  }
  return HOST_ALIASES[host] ?? host;
}

function invalid(input: string, why: string, cause?: unknown): BotError {
  const shown = input.length > 200 ? `${input.slice(0, 200)}…` : input;
  return new BotError('ERR_INVALID_URL', `Cannot use "${stripUrlAuth(shown)}" as a post link: ${why}.`, {
    cause,
  });
}

/**
 * One spelling per page, so the same post reached through a share link, the mobile site or a tracking
 * redirect lands on the same thread: https, canonical host, no credentials, default port or fragment (but a
 * "#!" or "#/" hash route, which names the post on a single-page board, is kept),
 * tracking parameters removed, the rest sorted, no trailing slash except for the root.
 * Also folds youtu.be/ID → youtube.com/watch?v=ID and Naver blog PostView links onto /{blogId}/{logNo}.
 * Throws BotError `ERR_INVALID_URL` for anything that is not an absolute http(s) URL.
 */
export function canonicalUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch (cause) {
    throw invalid(input, 'it is not an absolute URL (expected https://host/path)', cause);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(input, `only http and https links can be tracked, not ${url.protocol.replace(/:$/, '')}`);
  }
  if (!url.hostname) throw invalid(input, 'it has no host name');

  const originalHost = url.hostname.toLowerCase().replace(/^www\./, '');
  const host = canonicalHost(url.hostname);
  const port = url.port === '' || url.port === '80' || url.port === '443' ? '' : `:${url.port}`;
  let path = url.pathname.replace(/\/+$/, '') || '/';
  const params: [string, string][] = [];
  for (const [name, value] of url.searchParams) if (!isTracking(name, host)) params.push([name, value]);

  if (originalHost === 'youtu.be' && path.length > 1) {
    params.push(['v', path.slice(1)]);
    path = '/watch';
  }
  if (host === 'blog.naver.com' && /^\/postview\.(?:naver|nhn)$/i.test(path)) {
    const blogId = params.find(([name]) => name === 'blogId')?.[1];
    const logNo = params.find(([name]) => name === 'logNo')?.[1];
    if (blogId && logNo) {
      path = `/${encodeURIComponent(blogId)}/${encodeURIComponent(logNo)}`;
      params.length = 0;
    }
  }

  params.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  // A hash route ("#!/post/12", "#/view/3") names the post on a single-page board; any other fragment is a
  // place on the page.
  const route = /^#[!/]./.test(url.hash) ? url.hash : '';
  return `https://${host}${port}${path}${query}${route}`;
}

/** A short id for a thread, stable for one canonical URL: the first 12 hex digits of its SHA-256. */
export function threadIdFor(canonical: string): string {
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}
