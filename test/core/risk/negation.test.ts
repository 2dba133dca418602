import { describe, expect, it } from 'vitest';
import { negationEn, negationKo } from '../../../src/core/risk/negation.js';

function negatedKo(text: string, term: string): string | undefined {
  const start = text.indexOf(term);
  return negationKo(text, start, start + term.length);
}

function negatedEn(text: string, term: string): string | undefined {
  const start = text.indexOf(term);
  return negationEn(text, start, start + term.length);
}

describe('negationKo', () => {
  it.each([
    ['a particle then 없다', '이물질은 없었어요', '이물질', '이물질은 없'],
    ['하지 않다', '불친절하지 않았어요', '불친절', '불친절하지 않'],
    ['한 건 아니다', '불친절한 건 아니고', '불친절', '불친절한 건 아니'],
    ['안 나오다 after the word', '벌레는 안 나와요', '벌레', '벌레는 안 나'],
    ['a standalone 안 before the word', '직원분 안 불친절해요', '불친절', '안 불친절'],
    ['전혀 between the word and 없다', '곰팡이가 전혀 없어요', '곰팡이', '곰팡이가 전혀 없'],
  ])('negates %s', (_name, text, term, phrase) => {
    expect(negatedKo(text, term)).toBe(phrase);
  });

  it.each([
    ['어이없다 after the word', '이물질 나와서 어이없네요', '이물질'],
    ['an unanswered complaint', '이물질이 나왔는데 답변이 없네요', '이물질'],
    ['안 that ends another word', '편안 불친절', '불친절'],
    ['a negation in the next sentence', '벌레 나왔어요. 문제 없다는 답변만', '벌레'],
  ])('does not negate %s', (_name, text, term) => {
    expect(negatedKo(text, term)).toBeUndefined();
  });
});

describe('negationEn', () => {
  it.each([
    ['not', 'the staff was not rude at all', 'rude', 'not rude'],
    ['no', 'no bugs so far', 'bugs', 'no bugs'],
    ["n't", "the box wasn't broken", 'broken', "n't broken"],
    ['an apostrophe-less negation', 'it wasnt broken', 'broken', 'wasnt broken'],
    ['never with one word between', 'they were never that rude', 'rude', 'never that rude'],
  ])('negates with %s', (_name, text, term, phrase) => {
    expect(negatedEn(text, term)).toBe(phrase);
  });

  it.each([
    ['a negation in an earlier clause', "it didn't arrive, and the box was broken", 'broken'],
    ['not only', 'not only rude but slow', 'rude'],
    ["can't believe", "can't believe how rude they were", 'rude'],
    ['a negation three words away', 'not sure why the staff were rude', 'rude'],
    ['a new subject after the negation', "if this isn't fixed i'm going to sue", 'going to sue'],
  ])('does not negate across %s', (_name, text, term) => {
    expect(negatedEn(text, term)).toBeUndefined();
  });
});
