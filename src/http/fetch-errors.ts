import { STATUS_CODES } from 'node:http';
import { AbortError, MaxRedirectsError, TimeoutError } from 'got';
import { FetchError } from '../errors.js';
import { findBlockedAddress } from './address-guard.js';

/** ERR_BODY_TOO_LARGE: `what` says how we knew, e.g. "is 9000000 bytes" from Content-Length. */
export function tooLarge(url: string, maxBodyBytes: number, what: string): FetchError {
  return new FetchError(
    'ERR_BODY_TOO_LARGE',
    `${url} ${what}, over the ${maxBodyBytes}-byte limit (http.maxBodyBytes); skipped. Raise the limit if the page is meant to be that big.`,
    url,
  );
}

const NETWORK_REASONS: Record<string, string> = {
  ENOTFOUND: 'the host name does not resolve (check the URL)',
  EAI_AGAIN: 'the DNS lookup failed for now',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed while sending',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate could not be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
};

/** Maps a got or socket failure to a FetchError whose message names the URL and the cause in plain words. */
export function toFetchError(error: unknown, url: string, timeoutMs: number): FetchError {
  if (error instanceof FetchError) return error;
  const blocked = findBlockedAddress(error, url);
  if (blocked) return blocked;
  const cause = plainCause(error);
  if (error instanceof AbortError || (error as { name?: unknown }).name === 'AbortError') {
    return new FetchError('ERR_ABORTED', `Fetching ${url} was stopped (Bulssi is shutting down).`, url, {
      cause,
    });
  }
  if (error instanceof TimeoutError) {
    return new FetchError(
      'ERR_TIMEOUT',
      `${url} did not finish answering within ${timeoutMs} ms (http.timeoutMs).`,
      url,
      { cause },
    );
  }
  if (error instanceof MaxRedirectsError) {
    return new FetchError(
      'ERR_TOO_MANY_REDIRECTS',
      `${url} redirected too many times without reaching a page (a redirect loop?).`,
      url,
      { cause },
    );
  }
  const code = (cause as { code?: unknown }).code;
  if (code === 'ERR_UNSUPPORTED_PROTOCOL') {
    // A redirect to file:, ftp:, data: or the like: nothing was fetched, and trying again cannot help.
    return new FetchError(
      'ERR_BAD_REDIRECT',
      `${url} redirected to an address that is not http(s); it was not followed.`,
      url,
      { cause },
    );
  }
  const reason = (typeof code === 'string' && NETWORK_REASONS[code]) || cause.message;
  const suffix = typeof code === 'string' && !reason.includes(code) ? ` (${code})` : '';
  return new FetchError('ERR_NETWORK', `Could not fetch ${url}: ${reason}${suffix}.`, url, { cause });
}

/**
 * got errors carry the request options, headers included (API secrets): keep only name, message and code
 * so a logged cause cannot leak them.
 */
function plainCause(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const plain = new Error(error.message);
  plain.name = error.name;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(plain, { code });
  return plain;
}

/** The same failure, saying how many attempts were made. */
export function withAttempts(error: unknown, attempts: number): unknown {
  if (!(error instanceof FetchError)) return error;
  const options =
    error.status === undefined ? { cause: error.cause } : { cause: error.cause, status: error.status };
  return new FetchError(
    error.code,
    `${error.message} Gave up after ${attempts} attempts.`,
    error.url,
    options,
  );
}

/** ERR_HTTP_STATUS for a final non-2xx answer, with a hint at what to do. */
export function statusError(raw: { url: string; status: number }, attempts: number): FetchError {
  const reason = STATUS_CODES[raw.status] ?? 'Unknown';
  const tried = attempts > 1 ? ` Gave up after ${attempts} attempts.` : '';
  return new FetchError(
    'ERR_HTTP_STATUS',
    `${raw.url} answered HTTP ${raw.status} ${reason}${statusHint(raw.status)}.${tried}`,
    raw.url,
    { status: raw.status },
  );
}

function statusHint(status: number): string {
  if (status === 401 || status === 403) return ': access refused (check API keys, or the site blocks bots)';
  if (status === 404 || status === 410) return ': the page is not there (check the URL)';
  if (status === 429) return ': rate limited (scan less often)';
  if (status >= 500) return ': the site is having trouble (it is tried again next scan)';
  return '';
}
