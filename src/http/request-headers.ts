import type { BeforeRedirectHook } from 'got';

/** Headers that may follow a redirect to another origin; everything else the caller set stays behind. */
const CROSS_ORIGIN_HEADERS = new Set(['user-agent', 'accept', 'accept-language', 'accept-encoding']);

/**
 * got strips only Authorization and Cookie on a cross-origin redirect; API keys travel in custom headers
 * (X-Naver-Client-Secret), so anything the caller added is dropped before following a redirect elsewhere.
 */
export const dropCallerHeadersAcrossOrigins: BeforeRedirectHook = (options, response) => {
  const next = options.url;
  if (!(next instanceof URL) || next.origin === new URL(response.url).origin) return;
  for (const name of Object.keys(options.headers)) {
    if (!CROSS_ORIGIN_HEADERS.has(name.toLowerCase())) delete options.headers[name];
  }
};

/** Caller headers, lowercased; the User-Agent stays ours so every request says who is asking. */
export function callerHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower !== 'user-agent') out[lower] = value;
  }
  return out;
}
