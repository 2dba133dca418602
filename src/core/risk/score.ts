import type { Category, Level } from '../../config/schema.js';
import { guessLang, type Lang, type Metrics } from '../post.js';
import { complaintProbability } from './complaint-model.js';
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
  /** The source's usual counts (median over its posts), so a post far above them stands out. */
  baseline?: Metrics;
}

export interface ScoreOptions {
  /**
   * Company-specific terms. A term with the same `lang` and `label` as a built-in one replaces it (to change
   * its weight or pattern); others are added.
   */
  extraTerms?: readonly LexiconTerm[];
  /**
   * Probability (0–1) that a normalized text reads as a complaint, for the complaint-tone signal. Defaults
   * to the built-in model (complaintProbability); `() => 0` scores on the lexicon alone.
   */
  complaintProbability?: (normalized: string, lang: Lang) => number;
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
/**
 * Complaint tone, from the learned model: below TONE_FLOOR probability it is worth nothing; from there
 * TONE_MIN (the floor of level low) rising to TONE_MAX at certainty. It is a floor, not a bonus: it adds
 * only what the matched terms and contact phrases do not already give, so crisis terms keep deciding the
 * category and the big points, and a plain angry complaint still reaches low. A post whose problem words are
 * all negated, or that praises in crisis-sounding slang (이 케이크 진짜 죽인다, killer cake), gets none.
 */
export const TONE_FLOOR = 0.5;
const TONE_MIN = 20;
const TONE_MAX = 30;

/** What a complaint probability is worth in points, before matched terms are taken off it. */
export function tonePoints(probability: number): number {
  if (!(probability >= TONE_FLOOR)) return 0;
  return Math.round(TONE_MIN + ((TONE_MAX - TONE_MIN) * (probability - TONE_FLOOR)) / (1 - TONE_FLOOR));
}

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

function scoreHits(text: string, original: string, hits: Hit[], input: ScoreInput, tone: number): RiskScore {
  const notes: string[] = [];
  const best = new Map<string, LexiconTerm>();
  /** The words as written in the post, per category and term, so reasons quote what matched. */
  const matched = new Map<string, string>();
  const contacts = new Set<string>();
  const found = { intensity: new Set<string>(), spread: new Set<string>(), evidence: new Set<string>() };
  let fiction = false;
  let praise: string | undefined;
  for (const hit of hits) {
    const { entry } = hit;
    if (entry.kind === 'benign' && entry.label === 'praise') praise ??= text.slice(hit.start, hit.end).trim();
    else if (entry.kind === 'contact') contacts.add(entry.label);
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
  const toneFull = tonePoints(tone);
  let toneAdded = Math.max(0, toneFull - Math.round(termPoints + contactPoints));
  if (toneAdded > 0 && praise !== undefined) {
    notes.push(`praise: "${praise}", complaint tone ${tone.toFixed(2)} ignored`);
    toneAdded = 0;
  } else if (toneAdded > 0 && termPoints === 0 && notes.some((n) => n.startsWith('negated:'))) {
    notes.push(`complaint tone ${tone.toFixed(2)} ignored: the problem words are negated`);
    toneAdded = 0;
  }
  const base = termPoints + contactPoints + toneAdded;
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
  if (toneAdded > 0) reasons.push(`complaint tone: ${tone.toFixed(2)} (+${toneAdded})`);

  if (input.lang !== 'ko' && isShouting(original)) found.intensity.add('ALL CAPS');
  const intensity = Math.min(INTENSITY_CAP, found.intensity.size * INTENSITY_EACH);
  const spread = stepped(found.spread.size, SPREAD, 10);
  const evidence = stepped(found.evidence.size, EVIDENCE, 8);
  if (intensity > 0) reasons.push(`intensity: ${quote(found.intensity)} (+${intensity})`);
  if (spread > 0) reasons.push(`spread: ${quote(found.spread)} (+${spread})`);
  if (evidence > 0) reasons.push(`evidence: ${quote(found.evidence)} (+${evidence})`);

  const engagement = engagementBonus(input.metrics, input.baseline);
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
  const probability =
    options.complaintProbability ?? ((normalized, lang) => complaintProbability(normalized, lang, true));
  return (input) => {
    const original = input.title ? `${input.title}\n${input.text}` : input.text;
    const text = normalizeText(original);
    const tone = text.trim() === '' ? 0 : probability(text, input.lang ?? guessLang(original));
    const hits = scan(scanner, text);
    if (tonePoints(tone) === 0 && !hits.some((h) => h.entry.kind === 'term' || h.entry.kind === 'contact')) {
      return nothing();
    }
    return scoreHits(text, original, hits, input, tone);
  };
}

let defaultScorer: Scorer | undefined;
const scorersByTerms = new WeakMap<readonly LexiconTerm[], Scorer>();

/**
 * Scores one post for reputation-crisis risk. Compiled lexicons are cached: the built-in one, and one per
 * `extraTerms` array (pass the same array each time, or hold on to createScorer's result).
 */
export function scorePost(input: ScoreInput, options?: Pick<ScoreOptions, 'extraTerms'>): RiskScore {
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
