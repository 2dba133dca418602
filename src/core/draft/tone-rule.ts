import type { Lang } from '../post.js';

/** Kinds of wording that turn a complaint into a crisis. */
export type ToneRuleKind =
  | 'blame'
  | 'lecture'
  | 'misunderstanding'
  | 'conditional_apology'
  | 'not_an_apology'
  | 'apology_but'
  | 'minimising'
  | 'legal_threat'
  | 'public_personal_data'
  | 'canned'
  | 'denial';

/** A phrase that inflames, with why it does and what to say instead (in the reply's language). */
export interface ToneRule {
  id: string;
  kind: ToneRuleKind;
  lang: Lang;
  /** Matched against the whole reply; must carry the `g` flag. */
  pattern: RegExp;
  why: string;
  suggestion: string;
  /** The match is fine when its sentence also matches this (e.g. "send it by DM", "we withdraw the suit"). */
  unless?: RegExp;
  /** Test `unless` against the whole reply instead of the sentence ("we are withdrawing the suit" anywhere). */
  unlessAnywhere?: boolean;
}
