import type { Category } from '../../config/schema.js';
import type { Lang } from '../post.js';
import { EN_TERMS } from './lexicon-en.js';
import { KO_TERMS } from './lexicon-ko.js';

/** A crisis category a term can point at (`none` is only ever the absence of terms). */
export type TermCategory = Exclude<Category, 'none'>;

/**
 * One word or phrase the scorer looks for. The lexicon is plain data so that a company's own terms and
 * weights can be added from config without touching code.
 */
export interface LexiconTerm {
  category: TermCategory;
  lang: Lang;
  /**
   * RegExp source run against normalized, lower-cased text (see normalizeText); no capturing groups.
   * Korean: a space means "optional whitespace" (개인 정보 유출 also finds 개인정보유출); particles and
   * endings after the pattern are allowed as they are. English: a space means "one or more whitespace"
   * and the pattern gets a word boundary on both ends.
   */
  pattern: string;
  /** Points this term adds on its own, before diminishing returns (1–100). */
  weight: number;
  /** What the term is called in reasons, e.g. 이물질 or "foreign object". */
  label: string;
  /** Ignored when the post is about a game, film or show (explosions, deaths and hacking in fiction). */
  literalOnly?: boolean;
}

/** A compact way to write lexicon rows: [category, weight, label, pattern (defaults to label), literalOnly]. */
export type TermRow = readonly [TermCategory, number, string, string?, 'literal'?];

/** Expands rows into LexiconTerm objects. */
export function termsFromRows(lang: Lang, rows: readonly TermRow[]): LexiconTerm[] {
  return rows.map(([category, weight, label, pattern, literal]) => {
    const term: LexiconTerm = { category, lang, pattern: pattern ?? label, weight, label };
    if (literal === 'literal') term.literalOnly = true;
    return term;
  });
}

/** The built-in Korean and English lexicon. */
export const LEXICON: readonly LexiconTerm[] = Object.freeze([
  ...termsFromRows('ko', KO_TERMS),
  ...termsFromRows('en', EN_TERMS),
]);

/**
 * Turns a lexicon pattern into the RegExp source that is actually run: spacing rules outside character
 * classes and, for English, word boundaries on both ends and the apostrophe of n't made optional (didnt). `any` (punctuation, jamo) is taken as written
 * apart from Korean-style optional spaces.
 */
export function patternSource(lang: Lang | 'any', pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i] as string;
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') inClass = true;
    if (ch !== ' ') {
      out += ch;
      continue;
    }
    while (pattern[i + 1] === ' ') i += 1;
    const optional = pattern[i + 1] === '?';
    if (optional) i += 1;
    out += lang !== 'en' || optional ? '\\s*' : '\\s+';
  }
  return lang === 'en' ? `\\b(?:${out.replace(/n't/g, "n'?t")})\\b` : out;
}
