/**
 * Which characters a pattern's match can start with, read from its RegExp source. The scanner uses this to
 * try only the few patterns that can start at each position of a post, instead of all of them everywhere.
 * Handles the subset lexicon patterns use: literals, escapes, classes, groups, alternation, lookarounds and
 * quantifiers. Anything it cannot bound (`.`, negated classes, wide ranges) yields `any`.
 */
export type FirstChars = Set<string> | 'any';

interface Part {
  first: FirstChars;
  nullable: boolean;
}

const WHITESPACE = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u3000', '\u2028', '\u2029', '\ufeff'];
const DIGITS = [...'0123456789'];
const WORD = [...'abcdefghijklmnopqrstuvwxyz0123456789_'];
const MAX_RANGE = 256;

function union(a: FirstChars, b: FirstChars): FirstChars {
  if (a === 'any' || b === 'any') return 'any';
  const out = new Set(a);
  for (const ch of b) out.add(ch);
  return out;
}

/** Letters are matched against lower-cased text, but a pattern may still spell them in upper case. */
function literal(ch: string): Set<string> {
  return new Set([ch, ch.toLowerCase()]);
}

function escapeSet(ch: string): FirstChars | 'zero' {
  switch (ch) {
    case 'b':
    case 'B':
      return 'zero';
    case 's':
      return new Set(WHITESPACE);
    case 'd':
      return new Set(DIGITS);
    case 'w':
      return new Set(WORD);
    case 'S':
    case 'D':
    case 'W':
    case 'p':
    case 'P':
    case 'u':
    case 'x':
      return 'any';
    case 'n':
      return new Set(['\n']);
    case 't':
      return new Set(['\t']);
    default:
      return literal(ch);
  }
}

class Reader {
  i = 0;
  constructor(readonly src: string) {}

  alternation(): Part {
    let first: FirstChars = new Set();
    let nullable = false;
    for (;;) {
      const seq = this.sequence();
      first = union(first, seq.first);
      nullable ||= seq.nullable;
      if (this.src[this.i] !== '|') return { first, nullable };
      this.i += 1;
    }
  }

  sequence(): Part {
    let first: FirstChars = new Set();
    let nullable = true;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.quantified();
      if (nullable) first = union(first, atom.first);
      nullable &&= atom.nullable;
    }
    return { first, nullable };
  }

  quantified(): Part {
    const atom = this.atom();
    const q = this.src[this.i];
    if (q === '?' || q === '*') {
      this.i += 1;
      atom.nullable = true;
    } else if (q === '+') {
      this.i += 1;
    } else if (q === '{') {
      const close = this.src.indexOf('}', this.i);
      const min = Number.parseInt(this.src.slice(this.i + 1, close), 10);
      this.i = close + 1;
      if (min === 0) atom.nullable = true;
    } else {
      return atom;
    }
    if (this.src[this.i] === '?') this.i += 1;
    return atom;
  }

  atom(): Part {
    const ch = this.src[this.i] as string;
    this.i += 1;
    if (ch === '(') {
      let zeroWidth = false;
      if (this.src.startsWith('?:', this.i)) this.i += 2;
      else if (this.src.startsWith('?=', this.i) || this.src.startsWith('?!', this.i)) {
        this.i += 2;
        zeroWidth = true;
      } else if (this.src.startsWith('?<=', this.i) || this.src.startsWith('?<!', this.i)) {
        this.i += 3;
        zeroWidth = true;
      } else if (this.src.startsWith('?<', this.i)) {
        this.i = this.src.indexOf('>', this.i) + 1;
      }
      const inner = this.alternation();
      this.i += 1;
      return zeroWidth ? { first: new Set(), nullable: true } : inner;
    }
    if (ch === '[') return { first: this.charClass(), nullable: false };
    if (ch === '\\') {
      const e = this.src[this.i] as string;
      this.i += 1;
      const set = escapeSet(e);
      if (set === 'zero') return { first: new Set(), nullable: true };
      if (e === 'u' || e === 'x') this.i += e === 'u' ? 4 : 2;
      if ((e === 'p' || e === 'P') && this.src[this.i] === '{') this.i = this.src.indexOf('}', this.i) + 1;
      return { first: set, nullable: false };
    }
    if (ch === '^' || ch === '$') return { first: new Set(), nullable: true };
    if (ch === '.') return { first: 'any', nullable: false };
    return { first: literal(ch), nullable: false };
  }

  charClass(): FirstChars {
    let negated = false;
    if (this.src[this.i] === '^') {
      negated = true;
      this.i += 1;
    }
    let out: FirstChars = new Set();
    let prev: string | undefined;
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      let ch = this.src[this.i] as string;
      this.i += 1;
      if (ch === '\\') {
        const e = this.src[this.i] as string;
        this.i += 1;
        const set = escapeSet(e);
        if (set !== 'zero' && (set === 'any' || set.size > 2 || e === 'd' || e === 's' || e === 'w')) {
          out = union(out, set);
          prev = undefined;
          continue;
        }
        ch = e;
      }
      if (ch === '-' && prev !== undefined && this.src[this.i] !== ']') {
        const end = this.src[this.i] as string;
        this.i += 1;
        const from = prev.charCodeAt(0);
        const to = end.charCodeAt(0);
        if (to - from > MAX_RANGE) out = 'any';
        else for (let c = from; c <= to; c += 1) out = union(out, literal(String.fromCharCode(c)));
        prev = undefined;
        continue;
      }
      out = union(out, literal(ch));
      prev = ch;
    }
    this.i += 1;
    return negated ? 'any' : out;
  }
}

/** The characters a match of `source` can begin with, and whether it can match the empty string. */
export function firstChars(source: string): Part {
  return new Reader(source).alternation();
}
