import type { Post } from '../core/post.js';
import { ParseError } from '../errors.js';
import type { SourceResult } from './source.js';

/** Parses an API response body as JSON; `where` names the source and request in the error. */
export function parseJsonBody(body: string, where: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new ParseError(`${where}: the response is not JSON (${(error as Error).message}).`, {
      cause: error,
    });
  }
}

/** What a search source returns when there is nothing to search for. */
export function noQueriesResult(): SourceResult {
  return {
    posts: [],
    unchanged: false,
    warnings: ['no search queries: list brand names under watch.brands'],
  };
}

/**
 * Runs one request per query (or kind × query) at once and merges them: the same post once, a failing
 * request, skipped items or the request's own warnings as warnings, and the source fails only when every request failed.
 */
export async function runSearchRequests(
  requests: readonly { label: string }[],
  fetchOne: (index: number) => Promise<{ posts: Post[]; skipped: number; warnings?: string[] }>,
  skippedWhat: string,
): Promise<SourceResult> {
  const settled = await Promise.allSettled(requests.map((_, index) => fetchOne(index)));
  const posts: Post[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  const failures: unknown[] = [];
  for (const [index, outcome] of settled.entries()) {
    const label = requests[index]?.label ?? '?';
    if (outcome.status === 'rejected') {
      failures.push(outcome.reason);
      const reason = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
      warnings.push(`${label} failed: ${reason}`);
      continue;
    }
    warnings.push(...(outcome.value.warnings ?? []));
    if (outcome.value.skipped > 0)
      warnings.push(`${label}: ${outcome.value.skipped} ${skippedWhat} were skipped`);
    for (const post of outcome.value.posts) {
      if (seen.has(post.id)) continue;
      seen.add(post.id);
      posts.push(post);
    }
  }
  if (requests.length > 0 && failures.length === requests.length) throw failures[0];
  return { posts, unchanged: false, warnings };
}
