import { BotError } from '../../errors.js';
import type { Lang } from '../post.js';
import { firstChars } from './first-chars.js';
import { type LexiconTerm, patternSource } from './lexicon.js';
import { AMPLIFIERS, type AmplifierKind, BENIGN, CONTACT, FICTION } from './signals.js';

/** Context changes how terms count but never scores on its own: amplifiers and fiction markers. */
export type ContextKind = AmplifierKind | 'fiction';

export type Entry =
  | { kind: 'term'; term: LexiconTerm }
  | { kind: 'benign'; label: string }
  | { kind: 'contact'; label: string }
  | { kind: 'context'; context: ContextKind };

/** One place in the text where an entry matched; offsets refer to the normalized text. */
export interface Hit {
  entry: Entry;
  start: number;
  end: number;
}

interface Bucket {
  /** Sticky alternation of the pattern branches that can start with this character, in priority order. */
  regex: RegExp;
  /** The entry each capturing group belongs to. */
  entries: Entry[];
}

/**
 * The compiled lexicon. Each top-level branch of each pattern is filed under the characters its match can
 * start with; at each position of a post only that character's small alternation runs, so the cost stays
 * flat as the lexicon grows. English branches (which start with a word boundary) are only tried where a
 * word starts. Priority among branches that can start at the same place: benign phrases first (they shield
 * the crisis word inside them), then terms by descending weight (the more specific phrase wins), then
 * contact phrases, then context (intensity, spread, evidence, fiction markers).
 */
export interface Scanner {
  /** Bucket index per UTF-16 code unit at the start of a word (or outside words), -1 when none. */
  atStart: Int16Array;
  /** Bucket index per code unit inside a word: only branches without a leading word boundary. */
  inWord: Int16Array;
  buckets: Bucket[];
}

/** Splits a RegExp source at its top-level `|`. */
export function topLevelBranches(source: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === '\\') {
      i += 1;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') {
      inClass = true;
    } else if (ch === '(') {
      depth += 1;
    } else if (ch === ')') {
      depth -= 1;
    } else if (ch === '|' && depth === 0) {
      branches.push(source.slice(from, i));
      from = i + 1;
    }
  }
  branches.push(source.slice(from));
  return branches;
}

function checkedSource(lang: Lang | 'any', pattern: string, label: string): string {
  const source = patternSource(lang, pattern);
  let groups: number;
  try {
    groups = (new RegExp(`${source}|`).exec('') as RegExpExecArray).length - 1;
  } catch (cause) {
    throw new BotError('ERR_LEXICON', `Lexicon term "${label}" has an invalid pattern: ${pattern}`, {
      cause,
    });
  }
  if (groups > 0) {
    throw new BotError(
      'ERR_LEXICON',
      `Lexicon term "${label}" uses a capturing group; write (?:...) instead.`,
    );
  }
  return source;
}

interface Branch {
  entry: Entry;
  source: string;
  first: Set<string>;
  wordStart: boolean;
}

function buildTable(
  branches: readonly Branch[],
  keep: (b: Branch) => boolean,
  buckets: Bucket[],
  shared: Map<string, number>,
): Int16Array {
  const byChar = new Map<string, number[]>();
  branches.forEach((branch, index) => {
    if (!keep(branch)) return;
    for (const ch of branch.first) {
      const list = byChar.get(ch);
      if (list) list.push(index);
      else byChar.set(ch, [index]);
    }
  });
  const table = new Int16Array(0x10000).fill(-1);
  for (const [ch, indexes] of byChar) {
    const key = indexes.join(',');
    let bucket = shared.get(key);
    if (bucket === undefined) {
      const members = indexes.map((i) => branches[i] as Branch);
      bucket = buckets.length;
      buckets.push({
        regex: new RegExp(members.map((m) => `(${m.source})`).join('|'), 'y'),
        entries: members.map((m) => m.entry),
      });
      shared.set(key, bucket);
    }
    if (ch.length === 1) table[ch.charCodeAt(0)] = bucket;
  }
  return table;
}

export function compileScanner(terms: readonly LexiconTerm[]): Scanner {
  const branches: Branch[] = [];
  const add = (entry: Entry, lang: Lang | 'any', pattern: string, label: string) => {
    checkedSource(lang, pattern, label);
    for (const branch of topLevelBranches(pattern)) {
      const source = patternSource(lang, branch);
      const { first, nullable } = firstChars(source);
      if (nullable)
        throw new BotError('ERR_LEXICON', `Lexicon term "${label}" can match empty text: ${pattern}`);
      if (first === 'any') {
        throw new BotError(
          'ERR_LEXICON',
          `Lexicon term "${label}" must start with specific characters: ${pattern}`,
        );
      }
      branches.push({ entry, source, first, wordStart: source.startsWith('\\b') });
    }
  };
  for (const b of BENIGN) add({ kind: 'benign', label: b.label }, b.lang, b.pattern, b.label);
  const ordered = terms
    .map((term, i) => ({ term, i }))
    .sort((a, b) => b.term.weight - a.term.weight || a.i - b.i);
  for (const { term } of ordered) add({ kind: 'term', term }, term.lang, term.pattern, term.label);
  for (const c of CONTACT) add({ kind: 'contact', label: c.label }, c.lang, c.pattern, c.label);
  for (const a of AMPLIFIERS) add({ kind: 'context', context: a.kind }, a.lang, a.pattern, a.label);
  for (const f of FICTION) add({ kind: 'context', context: 'fiction' }, f.lang, f.pattern, f.label);

  const buckets: Bucket[] = [];
  const shared = new Map<string, number>();
  const atStart = buildTable(branches, () => true, buckets, shared);
  const inWord = buildTable(branches, (b) => !b.wordStart, buckets, shared);
  return { atStart, inWord, buckets };
}

function isWordCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || (code >= 65 && code <= 90)
  );
}

/** All non-overlapping hits, left to right; at each position the highest-priority branch wins. */
export function scan(scanner: Scanner, text: string): Hit[] {
  const hits: Hit[] = [];
  const { atStart, inWord, buckets } = scanner;
  let prevWord = false;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const index = (prevWord ? inWord[code] : atStart[code]) as number;
    if (index >= 0) {
      const bucket = buckets[index] as Bucket;
      bucket.regex.lastIndex = i;
      const m = bucket.regex.exec(text);
      if (m !== null && m[0].length > 0) {
        for (let g = 1; g < m.length; g += 1) {
          if (m[g] !== undefined) {
            hits.push({ entry: bucket.entries[g - 1] as Entry, start: i, end: i + m[0].length });
            break;
          }
        }
        i += m[0].length;
        prevWord = isWordCode(text.charCodeAt(i - 1));
        continue;
      }
    }
    prevWord = isWordCode(code);
    i += 1;
  }
  return hits;
}
