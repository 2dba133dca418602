import type { Category, Level } from '../../config/schema.js';
import type { Lang, Metrics } from '../post.js';
import { engagementBonus } from './engagement.js';
import { LEXICON, type LexiconTerm } from './lexicon.js';
import { levelFor } from './level.js';
import { negationEn, negationKo } from './negation.js';
import { normalizeText } from './normalize.js';
import { type CategoryScore, rankCategories } from './rank.js';
import { compileScanner, type Hit, type Scanner, scan } from './scanner.js';

export interface ScoreInput {
  title?: string;
  text: string;
  /**
   * Hint only: terms of both languages are always looked for, since posts mix them. A Korean post skips the
   * ALL CAPS check (brand names in capitals are not shouting there).
   */
  lang?: Lang;
  metrics?: Metrics;
}

export interface ScoreOptions {
  /**
   * Company-specific terms. A term with the same `lang` and `label` as a built-in one replaces it (to change
   * its weight or pattern); others are added.
   */
  extraTerms?: readonly LexiconTerm[];
}

/** A post's risk: `score` is an integer 0–100, `reasons` say which words and counts produced it. */
export interface RiskScore {
  score: number;
  level: Level;
  category: Category;
  reasons: string[];
}

export type Scorer = (input: ScoreInput) => RiskScore;

/** Every category after the strongest one counts half. */
const OTHER_CATEGORIES = 0.5;
const CONTACT_FIRST = 15;
const CONTACT_NEXT = 5;
const CONTACT_CAP = 20;
const INTENSITY_EACH = 2;
const INTENSITY_CAP = 6;
const SPREAD = [6, 4];
const EVIDENCE = [5, 3];

function nothing(reasons: string[] = []): RiskScore {
  return { score: 0, level: 'none', category: 'none', reasons };
}

function mergeTerms(base: readonly LexiconTerm[], extra: readonly LexiconTerm[]): LexiconTerm[] {
  const replaced = new Set(extra.map((t) => `${t.lang}\u0000${t.label}`));
  return [...base.filter((t) => !replaced.has(`${t.lang}\u0000${t.label}`)), ...extra];
}

/** Shouting: at least two all-caps words of 4+ letters, or 70% of 12+ Latin letters in upper case. */
function isShouting(original: string): boolean {
  let upper = 0;
  let lower = 0;
  let run = 0;
  let capsWords = 0;
  for (let i = 0; i <= original.length; i += 1) {
    const code = i < original.length ? original.charCodeAt(i) : 32;
    if (code >= 65 && code <= 90) {
      upper += 1;
      run = run >= 0 ? run + 1 : run;
    } else if (code >= 97 && code <= 122) {
      lower += 1;
      run = -1;
    } else {
      if (run >= 4) capsWords += 1;
      run = 0;
    }
  }
  return capsWords >= 2 || (upper + lower >= 12 && upper >= (upper + lower) * 0.7);
}

function stepped(distinct: number, steps: readonly number[], cap: number): number {
  let points = 0;
  for (let i = 0; i < distinct; i += 1) points += steps[Math.min(i, steps.length - 1)] as number;
  return Math.min(points, cap);
}

const quote = (items: Iterable<string>) => [...items].map((s) => `"${s}"`).join(', ');

function scoreHits(text: string, original: string, hits: Hit[], input: ScoreInput): RiskScore {
  const notes: string[] = [];
  const best = new Map<string, LexiconTerm>();
  /** The words as written in the post, per category and term, so reasons quote what matched. */
  const matched = new Map<string, string>();
  const contacts = new Set<string>();
  const found = { intensity: new Set<string>(), spread: new Set<string>(), evidence: new Set<string>() };
  let fiction = false;
  for (const hit of hits) {
    const { entry } = hit;
    if (entry.kind === 'contact') contacts.add(entry.label);
    else if (entry.kind === 'context') {
      if (entry.context === 'fiction') fiction = true;
      else found[entry.context].add(text.slice(hit.start, hit.end).trim());
    }
  }

  for (const hit of hits) {
    const { entry } = hit;
    if (entry.kind !== 'term') continue;
    const { term } = entry;
    const negated =
      term.lang === 'ko' ? negationKo(text, hit.start, hit.end) : negationEn(text, hit.start, hit.end);
    if (negated !== undefined) {
      notes.push(`negated: "${negated.trim()}" ignored`);
      continue;
    }
    if (term.literalOnly && fiction) {
      notes.push(`not literal: "${term.label}" ignored (game or film talk)`);
      continue;
    }
    const key = `${term.category}\u0000${term.label}`;
    const seen = best.get(key);
    if (!seen || seen.weight < term.weight) {
      best.set(key, term);
      matched.set(key, text.slice(hit.start, hit.end).trim());
    }
  }

  const ranked = rankCategories([...best.values()]);
  const contactPoints =
    contacts.size > 0 ? Math.min(CONTACT_CAP, CONTACT_FIRST + CONTACT_NEXT * (contacts.size - 1)) : 0;
  const termPoints = ranked.reduce((sum, c, i) => sum + c.points * (i === 0 ? 1 : OTHER_CATEGORIES), 0);
  const base = termPoints + contactPoints;
  if (base <= 0) return nothing(notes);

  const reasons: string[] = [];
  ranked.forEach((c: CategoryScore, i) => {
    const factor = i === 0 ? 1 : OTHER_CATEGORIES;
    for (const { term, points } of c.terms) {
      const shown = Math.round(points * factor);
      const words = matched.get(`${term.category}\u0000${term.label}`) || term.label;
      if (shown > 0) reasons.push(`${term.category}: "${words}" (+${shown})`);
    }
  });
  if (contactPoints > 0) reasons.push(`no reply: ${quote(contacts)} (+${contactPoints})`);

  if (input.lang !== 'ko' && isShouting(original)) found.intensity.add('ALL CAPS');
  const intensity = Math.min(INTENSITY_CAP, found.intensity.size * INTENSITY_EACH);
  const spread = stepped(found.spread.size, SPREAD, 10);
  const evidence = stepped(found.evidence.size, EVIDENCE, 8);
  if (intensity > 0) reasons.push(`intensity: ${quote(found.intensity)} (+${intensity})`);
  if (spread > 0) reasons.push(`spread: ${quote(found.spread)} (+${spread})`);
  if (evidence > 0) reasons.push(`evidence: ${quote(found.evidence)} (+${evidence})`);

  const engagement = engagementBonus(input.metrics);
  const engagementPoints = Math.round(Math.min(engagement.points, base));
  if (engagementPoints > 0) reasons.push(`engagement: ${engagement.summary} (+${engagementPoints})`);

  const score = Math.max(
    0,
    Math.min(100, Math.round(base + intensity + spread + evidence + engagementPoints)),
  );
  const specific = ranked.find((c) => c.category !== 'other');
  const category: Category = score === 0 ? 'none' : ((specific ?? ranked[0])?.category ?? 'other');
  return { score, level: levelFor(score), category, reasons: [...reasons, ...notes] };
}

/**
 * Compiles the lexicon (built-in plus `extraTerms`) once and returns a fast scoring function.
 * Throws BotError `ERR_LEXICON` when an extra term's pattern is not a valid expression.
 */
export function createScorer(options: ScoreOptions = {}): Scorer {
  const scanner: Scanner = compileScanner(mergeTerms(LEXICON, options.extraTerms ?? []));
  return (input) => {
    const original = input.title ? `${input.title}\n${input.text}` : input.text;
    const text = normalizeText(original);
    const hits = scan(scanner, text);
    if (!hits.some((h) => h.entry.kind === 'term' || h.entry.kind === 'contact')) return nothing();
    return scoreHits(text, original, hits, input);
  };
}

let defaultScorer: Scorer | undefined;
const scorersByTerms = new WeakMap<readonly LexiconTerm[], Scorer>();

/**
 * Scores one post for reputation-crisis risk. Compiled lexicons are cached: the built-in one, and one per
 * `extraTerms` array (pass the same array each time, or hold on to createScorer's result).
 */
export function scorePost(input: ScoreInput, options?: ScoreOptions): RiskScore {
  const extra = options?.extraTerms;
  if (!extra || extra.length === 0) {
    defaultScorer ??= createScorer();
    return defaultScorer(input);
  }
  let scorer = scorersByTerms.get(extra);
  if (!scorer) {
    scorer = createScorer({ extraTerms: extra });
    scorersByTerms.set(extra, scorer);
  }
  return scorer(input);
}
