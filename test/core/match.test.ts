import { describe, expect, it } from 'vitest';
import { createMatcher, searchQueries, type WatchTerms } from '../../src/core/match.js';

const watch: WatchTerms = {
  brands: [
    { name: '한빛푸드', aliases: ['Hanbit Foods', 'Hanbit', '한빛김밥'], misspellings: ['한빗푸드'] },
    { name: 'CJ-9', aliases: [], misspellings: [] },
  ],
  exclude: ['한빛교회', 'Hanbit Church'],
};
const match = createMatcher(watch);
const post = (text: string, title = '') => ({ title, text });

describe('createMatcher', () => {
  it.each([
    ['a Korean brand followed by a particle', '한빛푸드에서 산 김밥', '한빛푸드'],
    ['a Korean brand followed by laughter', '한빛푸드ㅋㅋ 또 시켰다', '한빛푸드'],
    ['a Korean brand as a hashtag', '오늘 점심 #한빛푸드 #김밥', '한빛푸드'],
    ['a Korean brand written with a space', '한빛 푸드 도시락 후기', '한빛푸드'],
    ['a Korean brand with a zero-width space inside', '한빛\u200b푸드 김밥', '한빛푸드'],
    ['a Korean brand typed as decomposed jamo', '한빛푸드'.normalize('NFD'), '한빛푸드'],
    ['a misspelling', '한빗푸드 배송 늦네', '한빗푸드'],
    ['an English alias in another case', 'Ordered from HANBIT FOODS today', 'Hanbit Foods'],
    ['an English alias joined into a hashtag', 'lunch #HanbitFoods', 'Hanbit Foods'],
    ['an English alias in full-width letters', 'ＨＡＮＢＩＴ kimbap', 'Hanbit'],
    ['a possessive', "Hanbit's new menu", 'Hanbit'],
    ['a Latin brand with a Korean particle', 'Hanbit에서 주문함', 'Hanbit'],
    ['a brand in the title only', '', '한빛푸드'],
    ['a brand with punctuation in its name', 'the CJ-9 outage', 'CJ-9'],
  ])('matches %s', (_name, text, term) => {
    const result = match(post(text, text === '' ? '한빛푸드 후기' : ''));
    expect(result).toEqual({ matched: true, term });
  });

  it.each([
    ['a longer Latin word that starts with the brand', 'Hanbitech released a phone'],
    ['a Latin brand glued to digits', 'Hanbit2 is a game'],
    ['a post that names none of the brands', '오늘 날씨 좋다'],
    ['an empty post', ''],
  ])('does not match %s', (_name, text) => {
    expect(match(post(text))).toEqual({ matched: false });
  });

  it.each([
    ['a Korean exclusion', '한빛교회 앞 한빛푸드 매장', '한빛교회'],
    ['an English exclusion in another case', 'Hanbit church picnic', 'Hanbit Church'],
  ])('drops a brand mention next to %s', (_name, text, excludedBy) => {
    const result = match(post(text));
    expect(result.matched).toBe(false);
    expect(result.excludedBy).toBe(excludedBy);
  });

  it('reports no exclusion when the brand itself is absent', () => {
    expect(match(post('한빛교회 예배 안내'))).toEqual({ matched: false });
  });
});

describe('searchQueries', () => {
  it('lists names and aliases but never misspellings', () => {
    expect(searchQueries(watch)).toEqual(['한빛푸드', 'Hanbit Foods', 'Hanbit', '한빛김밥', 'CJ-9']);
  });

  it('drops duplicates that differ only in case or spacing, keeping the first spelling', () => {
    const queries = searchQueries({
      brands: [
        { name: '한빛푸드', aliases: ['한빛 푸드', 'HANBIT'], misspellings: [] },
        { name: 'Hanbit', aliases: [], misspellings: [] },
      ],
      exclude: [],
    });
    expect(queries).toEqual(['한빛푸드', 'HANBIT']);
  });
});
