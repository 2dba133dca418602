import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/config/schema.js';
import { CHANNELS } from '../../src/core/draft/channel.js';
import type { DraftContext, DraftSubject } from '../../src/core/draft/draft-reply.js';
import type { Voice } from '../../src/core/draft/voice.js';
import { type ComposedDraft, composeDraft, composeTemplateDraft } from '../../src/drafting/compose-draft.js';

/**
 * The model's answer is untrusted: these tests hand composeDraft a personaliser that answers with a given
 * rewrite of the template draft, and check which rewrites replace the template and why the others do not.
 */

const now = new Date('2026-11-22T03:00:00Z');
const KO_VOICE: Voice = {
  company: '한빛푸드',
  team: '고객경험팀',
  formality: 'formal',
  contact: { kakao: '@hanbitfoods' },
};
const EN_VOICE: Voice = {
  company: 'Hanbit Foods',
  team: 'Customer Care',
  formality: 'formal',
  contact: { url: 'https://hanbit.example/help' },
};
const KO: DraftSubject = {
  title: '과자에서 벌레',
  text: '과자에서 벌레가 나왔어요',
  author: '김민수',
  lang: 'ko',
  category: 'contamination',
  channel: 'blog',
};
const EN: DraftSubject = {
  title: 'double charged',
  text: 'You charged me twice',
  author: 'sam_k',
  lang: 'en',
  category: 'refund_billing',
  channel: 'blog',
};
const context = (voice: Voice): DraftContext => ({ voice, now, timeZone: 'Asia/Seoul' });

/** What the template says for `subject`, and what composeDraft makes of the model answering `rewrite(template)`. */
async function compose(
  subject: DraftSubject,
  voice: Voice,
  rewrite: (template: string, promised: string, sign: string) => string,
): Promise<{ template: ComposedDraft; drafted: ComposedDraft; answer: string }> {
  const template = composeTemplateDraft(subject, context(voice));
  let answer = '';
  const drafted = await composeDraft(subject, context(voice), async (_subject, draft, sign) => {
    answer = rewrite(draft.text, draft.promised, sign);
    return answer;
  });
  return { template, drafted, answer };
}

/** Replaces the first sentence of the draft, which every rewrite below keeps otherwise. */
const afterThanks = (extra: string) => (text: string) =>
  text.replace(/^(.*?(?:thank you for telling us about this\.|감사합니다\.))/, `$1 ${extra}`);

describe('a model rewrite of a draft', () => {
  it('replaces the template when it is a sincere, personalised apology in English', async () => {
    const { drafted, template } = await compose(
      EN,
      EN_VOICE,
      (_t, promised, sign) =>
        `Sam, thank you for telling us that your card was charged twice for one order.\n\nWe are sorry we charged you wrongly and left you worrying about your money; the mistake is ours.\n\nWe will refund the second charge in full, automatically, by ${promised}; there is nothing you need to do.\n\nPlease keep personal details out of this thread and reach us through https://hanbit.example/help or at HANBIT.EXAMPLE/help.\n\n${sign}`,
    );
    expect(template.text).toContain('through https://hanbit.example/help');
    expect(drafted.modelNote).toBeUndefined();
    expect(drafted.source).toBe('model');
  });

  it('replaces the template when it is a sincere, personalised apology in Korean', async () => {
    const { drafted, template } = await compose(
      KO,
      KO_VOICE,
      (_t, promised, sign) =>
        `김민수님, 과자에서 벌레가 나왔다는 이야기를 직접 알려 주셔서 감사합니다.\n\n드시려던 과자에서 그런 것을 보셨으니 얼마나 놀라고 불쾌하셨을지 죄송한 마음뿐입니다. 저희 생산과 검사 과정에서 걸러냈어야 했습니다.\n\n연락 주시는 대로 제품을 회수하고, 같은 날 생산된 제품은 오늘 공인 외부 기관에 검사를 맡기겠습니다. ${promised}까지 결과와 원인을 이 글에 공유하겠습니다.\n\n개인정보는 이곳에 남기지 마시고 카카오톡 채널 @hanbitfoods로 알려 주세요.\n\n${sign}`,
    );
    expect(template.text).toContain('@hanbitfoods');
    expect(drafted.modelNote).toBeUndefined();
    expect(drafted.source).toBe('model');
  });

  it.each([
    ['a contact email', { email: 'care@hanbit.example' }],
    ['a KakaoTalk channel', { kakao: '@hanbitfoods' }],
    ['a phone number', { phone: '1588-1234' }],
    ['a support page', { url: 'https://www.hanbit.example/ko/support?from=sns' }],
  ])(
    'replaces the template when it repeats it word for word, with %s, in every category and channel',
    async (_name, contact) => {
      const refused: string[] = [];
      for (const voice of [
        { ...KO_VOICE, contact },
        { ...EN_VOICE, formality: 'polite' as const, contact },
      ])
        for (const lang of ['ko', 'en'] as const)
          for (const category of CATEGORIES)
            for (const channel of CHANNELS)
              for (const author of [undefined, '김민수', 'sam_k']) {
                const { drafted } = await compose(
                  { ...EN, lang, category, channel, author },
                  voice,
                  (t) => t,
                );
                if (drafted.source !== 'model')
                  refused.push(`${lang} ${category} ${channel}: ${drafted.modelNote}`);
              }
      expect(refused).toEqual([]);
    },
  );

  it('replaces a tweet cut to the company name alone when the model keeps that short sign-off', async () => {
    const signed = {
      ...KO_VOICE,
      signature: '한빛푸드 고객경험팀 김하늘 매니저와 고객 안전을 책임지는 모든 직원이 진심을 담아 드림',
    };
    const subject = { ...KO, channel: 'twitter' as const, category: 'data_breach' as const };
    const { template, drafted } = await compose(subject, signed, (t) => t);
    expect(template.text).not.toContain(signed.signature);
    expect(template.text).toMatch(/- 한빛푸드$/);
    expect(drafted).toMatchObject({ source: 'model' });
  });

  const links: ReadonlyArray<[string, DraftSubject, Voice, (t: string) => string]> = [
    [
      'a link in capitals',
      EN,
      EN_VOICE,
      afterThanks('Claim your refund at HTTPS://refund-hanbit.example/login now.'),
    ],
    [
      'a bare www address',
      EN,
      EN_VOICE,
      afterThanks('Claim your refund at www.refund-hanbit.example/login now.'),
    ],
    ['a bare domain', EN, EN_VOICE, afterThanks('Claim your refund at refund-hanbit.example today.')],
    ['a domain on our own site’s name', EN, EN_VOICE, afterThanks('Sign in at hanbit.example.evil.example.')],
    ['another path on our own site', EN, EN_VOICE, afterThanks('Sign in at https://hanbit.example/login.')],
    [
      'a full-width domain',
      EN,
      EN_VOICE,
      afterThanks('Claim it at ｒｅｆｕｎｄ－ｈａｎｂｉｔ．ｅｘａｍｐｌｅ now.'),
    ],
    [
      'a domain with an ideographic dot',
      EN,
      EN_VOICE,
      afterThanks('Claim it at refund-hanbit。example now.'),
    ],
    [
      'a domain with a Korean particle',
      KO,
      KO_VOICE,
      afterThanks('환불은 refund-hanbit.example에서 신청해 주세요.'),
    ],
    ['a Korean domain', KO, KO_VOICE, afterThanks('환불은 한빛환불.한국에서 신청해 주세요.')],
    ['an email address', EN, EN_VOICE, afterThanks('Write to refunds@hanbit-support.example.')],
    [
      'another mailbox at our domain',
      KO,
      { ...KO_VOICE, contact: { email: 'care@hanbit.example' } },
      afterThanks('환불은 refund@hanbit.example로 신청해 주세요.'),
    ],
  ];
  const markup: ReadonlyArray<[string, DraftSubject, Voice, (t: string) => string]> = [
    [
      'a mailto link with a false label',
      EN,
      EN_VOICE,
      afterThanks('Write to <mailto:x@evil.example|support@hanbit.example>.'),
    ],
    ['a phone link', KO, KO_VOICE, afterThanks('<tel:+82212345678|고객센터>로 전화 주세요.')],
    ['a labelled link', EN, EN_VOICE, afterThanks('See <https://hanbit.example/help|our help page>.')],
    ['any labelled markup', EN, EN_VOICE, afterThanks('See <x|our help page>.')],
    ['a user group mention', EN, EN_VOICE, afterThanks('Hey <!subteam^S123> look.')],
    ['a user mention', EN, EN_VOICE, afterThanks('Ask <@U0123ABC>.')],
    ['a channel link', EN, EN_VOICE, afterThanks('See <#C0123ABC>.')],
    ['a tag', EN, EN_VOICE, afterThanks('<b>Sorry</b>.')],
    ['@here', EN, EN_VOICE, afterThanks('@here please look.')],
  ];
  const amounts: ReadonlyArray<[string, DraftSubject, Voice, (t: string) => string, RegExp]> = [
    [
      'compensation in Korean',
      KO,
      KO_VOICE,
      afterThanks('보상으로 100만원을 지급해 드리겠습니다.'),
      /added a sum of money \(100만원\)/,
    ],
    [
      'compensation in Korean words',
      KO,
      KO_VOICE,
      afterThanks('보상으로 백만 원을 지급해 드리겠습니다.'),
      /added a sum of money \(백만원\)/,
    ],
    [
      'compensation in dollars',
      EN,
      EN_VOICE,
      afterThanks('We will also pay you $5,000 in compensation.'),
      /added a sum of money \(\$5,000\)/,
    ],
    [
      'compensation in words',
      EN,
      EN_VOICE,
      afterThanks('We will also pay you five thousand dollars.'),
      /added a sum of money \(dollars\)/,
    ],
    [
      'a deadline in hours',
      EN,
      EN_VOICE,
      afterThanks('We will call you within 48 hours.'),
      /added a number \(48\)/,
    ],
    [
      'a deadline in Korean',
      KO,
      KO_VOICE,
      afterThanks('48시간 안에 연락드리겠습니다.'),
      /added a number \(48\)/,
    ],
    ['full-width figures', KO, KO_VOICE, afterThanks('쿠폰 ５０장을 드리겠습니다.'), /added a number \(50\)/],
    ['a percentage', EN, EN_VOICE, afterThanks('You will also get 30% off.'), /added a number \(30\)/],
  ];
  const languages: ReadonlyArray<
    [string, DraftSubject, Voice, (t: string, p: string, s: string) => string, RegExp]
  > = [
    [
      'Japanese that keeps the English sign-off and date',
      EN,
      EN_VOICE,
      (_t, promised, sign) =>
        `ご迷惑をおかけして本当に申し訳ございません (sorry)。二重請求分は by ${promised} までに全額 refund いたします。${sign}`,
      /not in English/,
    ],
    [
      'an English reply with one Korean sentence',
      EN,
      EN_VOICE,
      afterThanks('정말 죄송합니다, 바로 환불해 드리겠습니다.'),
      /not in English/,
    ],
    [
      'an English reply with one Japanese sentence',
      EN,
      EN_VOICE,
      afterThanks('申し訳ございません。'),
      /not in English/,
    ],
    [
      'mostly English for a Korean post',
      KO,
      KO_VOICE,
      (_t, promised, sign) =>
        `We are so sorry about the bug you found. We will collect the product today and share what we find with you. 정말 죄송합니다. 오늘 회수하겠습니다. ${promised}까지 공유하겠습니다. ${sign}`,
      /not in Korean/,
    ],
  ];
  const invisible: ReadonlyArray<[string, string]> = [
    ['a zero-width space hiding a mention', 'Hey @\u200bchannel look.'],
    ['a right-to-left override', 'Refund \u202enigol/elpmaxe.\u202c now.'],
    ['a bidi isolate', 'Refund \u2067now\u2069.'],
    ['a byte-order mark', '\ufeffSorry.'],
    ['a zero-width joiner', 'Sorry\u200d.'],
    ['a bell', 'Sorry\u0007.'],
    ['a carriage return', 'Sorry.\r'],
    ['a C1 control', 'Sorry\u0085.'],
    ['DEL', 'Sorry\u007f.'],
  ];

  it.each(links)('keeps the template when the answer adds %s', async (_name, subject, voice, rewrite) => {
    const { drafted, template, answer } = await compose(subject, voice, rewrite);
    expect(answer).not.toBe(template.text);
    expect(drafted.source).toBe('template');
    expect(drafted.text).toBe(template.text);
    expect(drafted.modelNote).toBe('Model draft not used: the answer added a link.');
  });

  it.each(markup)(
    'keeps the template when the answer has chat markup: %s',
    async (_name, subject, voice, rewrite) => {
      const { drafted, template, answer } = await compose(subject, voice, rewrite);
      expect(answer).not.toBe(template.text);
      expect(drafted.source).toBe('template');
      expect(drafted.modelNote).toBe('Model draft not used: the answer contained chat markup.');
    },
  );

  it.each(amounts)(
    'keeps the template when the answer promises %s',
    async (_name, subject, voice, rewrite, why) => {
      const { drafted, template, answer } = await compose(subject, voice, rewrite);
      expect(answer).not.toBe(template.text);
      expect(drafted.source).toBe('template');
      expect(drafted.modelNote).toMatch(why);
    },
  );

  it.each(languages)(
    'keeps the template when the answer is %s',
    async (_name, subject, voice, rewrite, why) => {
      const { drafted, template, answer } = await compose(subject, voice, rewrite);
      expect(answer).not.toBe(template.text);
      expect(drafted.source).toBe('template');
      expect(drafted.modelNote).toMatch(why);
    },
  );

  it.each(invisible)('keeps the template when the answer hides %s', async (_name, extra) => {
    const { drafted, answer } = await compose(EN, EN_VOICE, afterThanks(extra));
    expect(answer).toContain(extra);
    expect(drafted.source).toBe('template');
    expect(drafted.modelNote).toBe(
      'Model draft not used: the answer contained invisible or control characters.',
    );
  });

  it('keeps every rewrite above from replacing the template only because of what it added', async () => {
    // The same rewrites without the addition are accepted, so each refusal above is for the addition.
    for (const [, subject, voice] of [...links, ...markup, ...amounts]) {
      const { drafted } = await compose(subject, voice, afterThanks(''));
      expect(drafted.modelNote).toBeUndefined();
    }
  });
});
