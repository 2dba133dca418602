/** Statuses worth another attempt: request timeout, rate limit and server errors that may pass. */
export function isRetryableStatus(status: number): boolean {
  if (status === 408 || status === 429) return true;
  return status >= 500 && status <= 599 && status !== 501 && status !== 505;
}

/**
 * A Retry-After header as a wait in ms from `nowMs` (ms since epoch): delta-seconds or an HTTP date.
 * Invalid values are ignored (RFC 9110 §10.2.3) and return undefined; dates in the past give 0.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!trimmed || /^[-+\d.]+$/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

export interface BackoffOptions {
  /** Wait before the first retry, ms; doubles with each further retry. */
  baseMs: number;
  /** Longest wait before jitter, ms. */
  maxMs: number;
  /** Returns a number in [0, 1); Math.random outside tests. */
  random: () => number;
}

/**
 * Exponential backoff for retry number `retry` (1 = first retry), plus up to 50% random jitter so
 * several sources failing together do not retry in lockstep, ms.
 */
export function backoffDelay(retry: number, options: BackoffOptions): number {
  const exponential = Math.min(options.baseMs * 2 ** Math.max(0, retry - 1), options.maxMs);
  return Math.round(exponential * (1 + options.random() / 2));
}
