import { describe, expect, it } from 'vitest';
import { LEXICON, patternSource } from '../../../src/core/risk/lexicon.js';
import { normalizeText } from '../../../src/core/risk/normalize.js';
import { compileScanner, scan, topLevelBranches } from '../../../src/core/risk/scanner.js';
import { AMPLIFIERS, BENIGN, CONTACT, FICTION } from '../../../src/core/risk/signals.js';

/** The same patterns, in the same priority order, as one plain alternation: what the scanner must reproduce. */
function plainAlternation(): RegExp {
  const ordered = LEXICON.map((term, i) => ({ term, i })).sort(
    (a, b) => b.term.weight - a.term.weight || a.i - b.i,
  );
  const sources = [
    ...BENIGN.map((b) => patternSource(b.lang, b.pattern)),
    ...ordered.map(({ term }) => patternSource(term.lang, term.pattern)),
    ...CONTACT.map((c) => patternSource(c.lang, c.pattern)),
    ...AMPLIFIERS.map((a) => patternSource(a.lang, a.pattern)),
    ...FICTION.map((f) => patternSource(f.lang, f.pattern)),
  ];
  return new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'g');
}

const SENTENCES = [
  '한빛푸드 김밥에서 이물질이 나왔어요 진짜 어이없네요 ㅡㅡ 사진 첨부합니다',
  '개인 정보 유출 됐다는데 고객센터는 연결이 안 되고 답변도 없어요!!!',
  '폭발적인 인기라더니 배송이 너무 늦어요. 환불 거부당했고 소비자원에 신고할게요',
  '고소한 맛이 좋아요 사기 좋아요 차별화된 디자인 화상 회의용',
  'Found a hair in my burger. Worst service ever, the manager hung up on me!!!',
  "My account was hacked, unauthorized charges everywhere. I'm going to sue. Please share",
  'this cake is the bomb, I hacked together a recipe and my phone died lol',
  'The game had an explosion scene; not rude at all; no bugs; it wasnt broken',
  'ＨＡＮＢＩＴ refund denied?? still no response from support after 3 days, never again',
  '',
];

describe('compileScanner', () => {
  const scanner = compileScanner(LEXICON);
  const plain = plainAlternation();

  it.each(SENTENCES.map((s) => [s]))('finds the same spans as one plain alternation in "%s"', (sentence) => {
    const text = normalizeText(sentence);
    const expected = [...text.matchAll(plain)].filter((m) => m[0] !== '').map((m) => [m.index, m[0]]);
    const actual = scan(scanner, text).map((h) => [h.start, text.slice(h.start, h.end)]);
    expect(actual).toEqual(expected);
  });

  it('compiles every built-in term', () => {
    expect(LEXICON.length).toBeGreaterThan(150);
    for (const term of LEXICON) {
      expect(term.weight, term.label).toBeGreaterThan(0);
      expect(term.weight, term.label).toBeLessThanOrEqual(100);
    }
  });

  it('gives every built-in term a distinct label within its language', () => {
    const seen = new Set<string>();
    for (const term of LEXICON) {
      const key = `${term.lang}:${term.label}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });
});

describe('topLevelBranches', () => {
  it.each([
    ['a|b', ['a', 'b']],
    ['(?:a|b)c|d', ['(?:a|b)c', 'd']],
    ['[|]x|y', ['[|]x', 'y']],
    ['a\\|b|c', ['a\\|b', 'c']],
  ])('splits %s only at the top level', (source, branches) => {
    expect(topLevelBranches(source)).toEqual(branches);
  });
});
