import type { Lang } from '../post.js';

/**
 * Hashed text features for the complaint-tone model. A feature is a bucket number, never the text itself,
 * so stored weights say nothing about the posts they were fitted on.
 *
 * Korean: character 1–3-grams over the normalized text (spacing varies too much for words), which also
 * covers compatibility-jamo slang (ㅠㅠ, ㅡㅡ, ㅈㄴ), plus 초성 bigrams inside a word so that 존나 and ㅈㄴ share
 * a feature. English: word unigrams and bigrams (mentions, links and numbers folded to one token each),
 * plus character 1–4-grams that catch misspellings, word endings and emoticons.
 */

/** Buckets are `hash & (2^bits - 1)`; the weight table has one entry per bucket. */
export const FEATURE_BITS = 18;
export const FEATURE_BUCKETS = 1 << FEATURE_BITS;
const MASK = FEATURE_BUCKETS - 1;
const PRIME = 16777619;

const SEED_CHAR = 0x2b0f3d71;
const SEED_CHO = 0x51ed270b;
const SEED_WORD = 0x7f4a7c15;
const SEED_PAIR = 0x1b873593;

const SPACE = 32;
const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const CHO_SPAN = 588;
/** Compatibility jamo ㄱ (U+3131) … ㅎ (U+314E) → initial-consonant index of a syllable; -1 for final-only clusters. */
const CHO_OF_JAMO = Int8Array.from('ㄱㄲㄳㄴㄵㄶㄷㄸㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅃㅄㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ', (ch) =>
  'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ'.indexOf(ch),
);

/** Final avalanche so nearby hashes spread over the table. */
function finish(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x & MASK;
}

let codes = new Int32Array(1024);
let buckets = new Int32Array(4096);

function ensure(length: number): void {
  if (codes.length < length + 2) codes = new Int32Array((length + 2) * 2);
  if (buckets.length < length * 8 + 16) buckets = new Int32Array((length * 8 + 16) * 2);
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isWordChar = (c: number) =>
  (c >= 97 && c <= 122) || isDigit(c) || c === 39 || (c >= 65 && c <= 90) || c === 95;

/**
 * Copies `text` into the code buffer with runs of whitespace collapsed to one space, digits folded to 0,
 * and a space at each end. Returns the number of codes.
 */
function loadCodes(text: string): number {
  ensure(text.length);
  let n = 0;
  codes[n++] = SPACE;
  for (let i = 0; i < text.length; i += 1) {
    let c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (codes[n - 1] === SPACE) continue;
      c = SPACE;
    } else if (isDigit(c)) c = 48;
    codes[n++] = c;
  }
  if (codes[n - 1] !== SPACE) codes[n++] = SPACE;
  return n;
}

function charGrams(n: number, minN: number, maxN: number, out: number): number {
  let count = out;
  for (let end = 0; end < n; end += 1) {
    let h = SEED_CHAR;
    for (let k = 1; k <= maxN && end - k + 1 >= 0; k += 1) {
      const c = codes[end - k + 1] as number;
      h = Math.imul(h ^ c, PRIME);
      if (k >= minN && !(k === 1 && c === SPACE)) buckets[count++] = finish(h + k);
    }
  }
  return count;
}

function choBigrams(n: number, out: number): number {
  let count = out;
  let prev = -1;
  for (let i = 0; i < n; i += 1) {
    const c = codes[i] as number;
    let cho = -1;
    if (c >= HANGUL_FIRST && c <= HANGUL_LAST) cho = ((c - HANGUL_FIRST) / CHO_SPAN) | 0;
    else if (c >= 0x3131 && c <= 0x314e) cho = CHO_OF_JAMO[c - 0x3131] as number;
    if (cho >= 0 && prev >= 0)
      buckets[count++] = finish(Math.imul(Math.imul(SEED_CHO ^ prev, PRIME) ^ cho, PRIME));
    prev = cho;
  }
  return count;
}

/** Word tokens of an English text: letters, digits and apostrophes; @mention, link and ! / ? as tokens. */
function wordGrams(n: number, out: number): number {
  let count = out;
  let prev = 0;
  let i = 0;
  while (i < n) {
    const c = codes[i] as number;
    let h = 0;
    if (c === 64 /* @ */) {
      h = SEED_WORD ^ 0x40;
      i += 1;
      while (i < n && isWordChar(codes[i] as number)) i += 1;
    } else if (c === 104 && codes[i + 1] === 116 && codes[i + 2] === 116 && codes[i + 3] === 112) {
      h = SEED_WORD ^ 0x68747470;
      while (i < n && codes[i] !== SPACE) i += 1;
    } else if (isWordChar(c)) {
      h = SEED_WORD;
      while (i < n && isWordChar(codes[i] as number)) {
        h = Math.imul(h ^ (codes[i] as number), PRIME);
        i += 1;
      }
    } else if (c === 33 || c === 63) {
      h = SEED_WORD ^ c;
      while (i < n && codes[i] === c) i += 1;
    } else {
      i += 1;
      continue;
    }
    buckets[count++] = finish(h);
    if (prev !== 0) buckets[count++] = finish(Math.imul(prev ^ SEED_PAIR, PRIME) ^ h);
    prev = h;
  }
  return count;
}

/**
 * The feature buckets of a normalized text (see normalizeText), with repeats: a bucket appears once per
 * occurrence. The returned array is reused by the next call; copy it to keep it.
 */
export function featureBuckets(normalized: string, lang: Lang): Int32Array {
  const n = loadCodes(normalized);
  let count: number;
  if (lang === 'ko') {
    count = charGrams(n, 1, 3, 0);
    count = choBigrams(n, count);
  } else {
    count = wordGrams(n, 0);
    count = charGrams(n, 1, 4, count);
  }
  return buckets.subarray(0, count);
}
