import { escapeRegExp, isHangulSyllable, normalizeText } from './risk/normalize.js';

/** The watch section of the config as the matcher needs it (defaults already applied). */
export interface WatchTerms {
  brands: readonly { name: string; aliases: readonly string[]; misspellings: readonly string[] }[];
  exclude: readonly string[];
}

export interface MatchResult {
  /** The post is about one of our brands and no exclusion phrase applies. */
  matched: boolean;
  /** The configured name, alias or misspelling that was found, as written in the config. */
  term?: string;
  /** The exclusion phrase (as configured) that dropped a post which otherwise matched. */
  excludedBy?: string;
}

export type Matcher = (post: { title: string; text: string }) => MatchResult;

const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/u;
const BEFORE = '(?<![\\p{Script=Latin}\\p{Nd}])';
const AFTER = '(?![\\p{Script=Latin}\\p{Nd}])';

/**
 * RegExp source for one watch term. Hangul needs no word boundary (particles attach: 한빛푸드에서, #한빛푸드)
 * and may be spaced freely (한빛 푸드). Latin and digits get boundaries so "Hanbit" does not fire inside
 * "Hanbitech" but does in "Hanbit's" and "Hanbit에서"; words may be joined by spaces, hyphens or nothing
 * (Hanbit Foods, Hanbit-Foods, #HanbitFoods).
 */
function termSource(term: string): string {
  const chars = [...normalizeText(term).trim()];
  let source = '';
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i] as string;
    const next = chars[i + 1];
    if (/\s/.test(ch)) {
      if (!/\s/.test(chars[i - 1] ?? '')) source += '[\\s_\\-]*';
      continue;
    }
    source += escapeRegExp(ch);
    if (next !== undefined && isHangulSyllable(ch) && isHangulSyllable(next)) source += '\\s*';
  }
  const first = chars[0] ?? '';
  const last = chars[chars.length - 1] ?? '';
  return `${LATIN_OR_DIGIT.test(first) ? BEFORE : ''}${source}${LATIN_OR_DIGIT.test(last) ? AFTER : ''}`;
}

interface CompiledTerms {
  regex: RegExp | undefined;
  terms: string[];
}

/** One alternation, longest term first so the most specific one is reported; one group per term. */
function compileTerms(list: readonly string[]): CompiledTerms {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const term of list) {
    const key = normalizeText(term).replace(/\s+/g, '');
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  terms.sort((a, b) => b.length - a.length);
  if (terms.length === 0) return { regex: undefined, terms };
  return { regex: new RegExp(terms.map((t) => `(${termSource(t)})`).join('|'), 'u'), terms };
}

function firstMatch(compiled: CompiledTerms, text: string): string | undefined {
  const m = compiled.regex?.exec(text);
  if (!m) return undefined;
  for (let i = 1; i < m.length; i += 1) if (m[i] !== undefined) return compiled.terms[i - 1];
  return undefined;
}

/**
 * Builds the "is this post about us?" test from the watch config. Patterns are compiled once here; the
 * returned function only normalizes the post and runs two regular expressions.
 * A post that names a brand but also contains an exclusion phrase is not matched and reports `excludedBy`;
 * a post that names no brand never reports an exclusion.
 */
export function createMatcher(watch: WatchTerms): Matcher {
  const brandTerms = compileTerms(watch.brands.flatMap((b) => [b.name, ...b.aliases, ...b.misspellings]));
  const excludeTerms = compileTerms(watch.exclude);
  return (post) => {
    const text = normalizeText(`${post.title}\n${post.text}`);
    const term = firstMatch(brandTerms, text);
    if (term === undefined) return { matched: false };
    const excludedBy = firstMatch(excludeTerms, text);
    if (excludedBy !== undefined) return { matched: false, term, excludedBy };
    return { matched: true, term };
  };
}

/**
 * What to type into site search boxes and search APIs: each brand's name and aliases, never misspellings
 * (those are for recognizing posts, not for spending API quota). Duplicates that differ only in case or
 * spacing are dropped, keeping the first spelling.
 */
export function searchQueries(watch: WatchTerms): string[] {
  const seen = new Set<string>();
  const queries: string[] = [];
  for (const brand of watch.brands) {
    for (const raw of [brand.name, ...brand.aliases]) {
      const query = raw.trim();
      const key = normalizeText(query).replace(/\s+/g, '');
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      queries.push(query);
    }
  }
  return queries;
}
