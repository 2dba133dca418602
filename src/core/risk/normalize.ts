/**
 * Text clean-up shared by the matcher and the scorer, so that a pattern written once matches the ways people
 * actually type: decomposed Hangul (macOS, some mobile keyboards), zero-width characters pasted from apps,
 * full-width Latin (ＨＡＮＢＩＴ), curly apostrophes, mixed case.
 */

const SPECIAL =
  /[\u00a0\u00ad\u180e\u200b-\u200f\u2018\u2019\u201c\u201d\u202a-\u202e\u2060-\u2064\u3000\ufeff\uff01-\uff5e]/g;

/** Conjoining jamo and combining marks: the only input NFC changes in practice. */
const DECOMPOSED = /[\u0300-\u036f\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/;

function fold(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x00a0 || code === 0x3000) return ' ';
  if (code === 0x2018 || code === 0x2019) return "'";
  if (code === 0x201c || code === 0x201d) return '"';
  return '';
}

/**
 * NFC (so 한 typed as three jamo becomes one syllable), zero-width and bidi marks removed, full-width ASCII
 * folded, typographic quotes made plain, then lower-cased. Hangul compatibility jamo (ㅋ, ㅠ, ㅡ) are kept
 * as they are: NFKC would turn them into conjoining jamo and break slang such as ㅋㅋ and ㅡㅡ.
 * Lengths can change, so positions refer to the normalized text only.
 */
export function normalizeText(text: string): string {
  const composed = DECOMPOSED.test(text) ? text.normalize('NFC') : text;
  return composed.replace(SPECIAL, fold).toLowerCase();
}

const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/** Escapes a literal so it can be placed inside a RegExp source (also valid with the `u` flag). */
export function escapeRegExp(literal: string): string {
  return literal.replace(REGEX_SYNTAX, '\\$&');
}

/** True for a precomposed Hangul syllable (가–힣). */
export function isHangulSyllable(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= 0xac00 && code <= 0xd7a3;
}
