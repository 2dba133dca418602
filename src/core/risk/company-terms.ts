import type { RiskTermConfig } from '../../config/schema.js';
import type { LexiconTerm } from './lexicon.js';

/** The config's `risk.terms` as lexicon terms for createScorer. */
export function companyTerms(terms: readonly RiskTermConfig[]): LexiconTerm[] {
  return terms.map((t) => {
    const term: LexiconTerm = {
      category: t.category,
      lang: t.lang,
      label: t.label,
      pattern: t.pattern ?? t.label,
      weight: t.weight,
    };
    if (t.literalOnly) term.literalOnly = true;
    return term;
  });
}
