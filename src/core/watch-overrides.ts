import type { WatchTerms } from './match.js';

/** Terms added and removed at run time (from Slack), on top of the configured watch terms. */
export interface WatchOverrides {
  added: readonly string[];
  removed: readonly string[];
}

/** Longest term accepted from Slack, characters. */
export const WATCH_TERM_MAX = 60;

const same = (a: string, b: string) =>
  a.normalize('NFC').toLocaleLowerCase() === b.normalize('NFC').toLocaleLowerCase();

/**
 * The watch terms a scan uses: removed aliases and misspellings dropped, added terms matched (and searched)
 * as one more brand. Brand names themselves are only changed in the config.
 */
export function applyWatchOverrides(watch: WatchTerms, overrides: WatchOverrides): WatchTerms {
  const keep = (term: string) => !overrides.removed.some((r) => same(r, term));
  const brands = watch.brands.map((b) => ({
    name: b.name,
    aliases: b.aliases.filter(keep),
    misspellings: b.misspellings.filter(keep),
  }));
  const [first, ...rest] = overrides.added;
  if (first !== undefined) brands.push({ name: first, aliases: rest, misspellings: [] });
  return { brands, exclude: watch.exclude };
}

export type WatchChange =
  | { ok: true; overrides: WatchOverrides }
  | { ok: false; reason: 'empty' | 'too_long' | 'already_watched' | 'not_watched' | 'brand_name' };

function configured(watch: WatchTerms): string[] {
  return watch.brands.flatMap((b) => [b.name, ...b.aliases, ...b.misspellings]);
}

/** Adds a term to watch; a removed configured term is simply restored. */
export function addWatchTerm(watch: WatchTerms, overrides: WatchOverrides, input: string): WatchChange {
  const term = input.trim().replace(/\s+/g, ' ');
  if (!term) return { ok: false, reason: 'empty' };
  if (term.length > WATCH_TERM_MAX) return { ok: false, reason: 'too_long' };
  if (overrides.removed.some((r) => same(r, term))) {
    return {
      ok: true,
      overrides: { added: overrides.added, removed: overrides.removed.filter((r) => !same(r, term)) },
    };
  }
  if ([...configured(watch), ...overrides.added].some((t) => same(t, term)))
    return { ok: false, reason: 'already_watched' };
  return { ok: true, overrides: { added: [...overrides.added, term], removed: overrides.removed } };
}

/** Stops watching a term added at run time or a configured alias or misspelling. */
export function removeWatchTerm(watch: WatchTerms, overrides: WatchOverrides, input: string): WatchChange {
  const term = input.trim().replace(/\s+/g, ' ');
  if (!term) return { ok: false, reason: 'empty' };
  if (overrides.added.some((t) => same(t, term))) {
    return {
      ok: true,
      overrides: { added: overrides.added.filter((t) => !same(t, term)), removed: overrides.removed },
    };
  }
  if (watch.brands.some((b) => same(b.name, term))) return { ok: false, reason: 'brand_name' };
  const alias = watch.brands.some((b) => [...b.aliases, ...b.misspellings].some((t) => same(t, term)));
  if (!alias || overrides.removed.some((r) => same(r, term))) return { ok: false, reason: 'not_watched' };
  return { ok: true, overrides: { added: overrides.added, removed: [...overrides.removed, term] } };
}
