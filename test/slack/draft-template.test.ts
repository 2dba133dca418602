import { describe, expect, it } from 'vitest';
import { draftApology } from '../../src/slack/draft-template.js';
import { makeThread } from '../helpers/slack-fixtures.js';

describe('draftApology', () => {
  it('writes in the post’s language, naming the company and the kind of problem', () => {
    const ko = draftApology(makeThread(), '한빛푸드');
    expect(ko.lang).toBe('ko');
    expect(ko.text).toContain('안녕하세요, 한빛푸드입니다.');
    expect(ko.text).toContain('제품 위생 및 이물질 문제');

    const en = draftApology(
      makeThread({
        post: { lang: 'en', title: 'Hanbit Foods app down again', text: 'Cannot log in' },
        risk: { category: 'outage' },
      }),
      'Hanbit Foods',
    );
    expect(en.lang).toBe('en');
    expect(en.text).toContain('We at Hanbit Foods are truly sorry for the service disruption.');
  });

  it('guesses the language from the text when the source did not say', () => {
    const { lang: _lang, ...unlabelled } = makeThread({
      post: { title: 'Refund never arrived', text: 'Still waiting for my refund' },
    });
    const guessed = draftApology(unlabelled, 'Hanbit Foods');
    expect(guessed.lang).toBe('en');
  });
});
