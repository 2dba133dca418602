import type { LexiconTerm, TermCategory } from './lexicon.js';
import { SEVERITY_ORDER } from './level.js';

/** What one category adds to a score, and which terms added it. */
export interface CategoryScore {
  category: TermCategory;
  points: number;
  terms: { term: LexiconTerm; points: number }[];
}

/** Each further term of the same category counts half as much as the one before. */
const DIMINISH = 0.5;

/**
 * Groups matched terms by category (each term counted once), strongest term first with diminishing returns,
 * and orders categories by points, ties broken by severity (safety before contamination before ...).
 */
export function rankCategories(terms: readonly LexiconTerm[]): CategoryScore[] {
  const byCategory = new Map<TermCategory, LexiconTerm[]>();
  for (const term of terms) {
    const list = byCategory.get(term.category);
    if (list) list.push(term);
    else byCategory.set(term.category, [term]);
  }
  const ranked: CategoryScore[] = [];
  for (const [category, list] of byCategory) {
    list.sort((a, b) => b.weight - a.weight);
    let factor = 1;
    const scored = list.map((term) => {
      const points = term.weight * factor;
      factor *= DIMINISH;
      return { term, points };
    });
    ranked.push({ category, points: scored.reduce((sum, t) => sum + t.points, 0), terms: scored });
  }
  return ranked.sort(
    (a, b) => b.points - a.points || SEVERITY_ORDER.indexOf(a.category) - SEVERITY_ORDER.indexOf(b.category),
  );
}
