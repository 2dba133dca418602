import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/config/schema.js';
import { CHANNELS, replyLength } from '../../../src/core/draft/channel.js';
import { draftReply, greetingName } from '../../../src/core/draft/draft-reply.js';
import { checkTone } from '../../../src/core/draft/tone-check.js';
import type { Voice } from '../../../src/core/draft/voice.js';

const NOW = new Date('2026-12-03T01:00:00Z');
const voice: Voice = {
  company: '한빛푸드',
  team: '고객경험팀',
  contact: { kakao: '@hanbitfoods' },
  formality: 'formal',
};
const enVoice: Voice = {
  company: 'Hanbit Foods',
  team: 'Customer Care',
  contact: { email: 'care@hanbit.example' },
  formality: 'formal',
};
const context = (v: Voice) => ({ voice: v, now: NOW, timeZone: 'Asia/Seoul' });

const KO_POST = { title: '한빛푸드 과자에서 벌레', text: '과자에서 벌레가 나왔어요', author: '바삭맘' };
const EN_POST = {
  title: 'Hanbit Foods snack',
  text: 'Found a bug in my Hanbit Foods snack',
  author: 'crunchy_dad',
};

describe('draftReply', () => {
  describe.each(CATEGORIES)('%s', (category) => {
    it.each(CHANNELS)('passes its own tone check in every language and speech level on %s', (channel) => {
      for (const [post, v] of [
        [KO_POST, voice],
        [KO_POST, { ...voice, formality: 'polite' as const }],
        [EN_POST, enVoice],
      ] as const) {
        const draft = draftReply({ ...post, category, channel }, context(v));
        expect(checkTone(draft.text, { lang: draft.lang, channel }), draft.text).toEqual([]);
      }
    });

    it('matches the golden Korean and English café replies', async () => {
      const ko = draftReply({ ...KO_POST, category, channel: 'naver_cafe' }, context(voice)).text;
      const haeyo = draftReply(
        { ...KO_POST, category, channel: 'naver_cafe' },
        context({ ...voice, formality: 'polite' }),
      ).text;
      const en = draftReply({ ...EN_POST, category, channel: 'blog' }, context(enVoice)).text;
      const tweet = draftReply({ ...EN_POST, category, channel: 'twitter' }, context(enVoice)).text;
      const koTweet = draftReply({ ...KO_POST, category, channel: 'twitter' }, context(voice)).text;
      await expect(
        [ko, '---', haeyo, '---', koTweet, '---', en, '---', tweet].join('\n'),
      ).toMatchFileSnapshot(`golden/${category}.txt`);
    });
  });

  it('writes in the post language, guessing it from the text when the thread has none', () => {
    expect(draftReply({ ...KO_POST, category: 'delivery', channel: 'blog' }, context(voice)).lang).toBe('ko');
    expect(draftReply({ ...EN_POST, category: 'delivery', channel: 'blog' }, context(voice)).lang).toBe('en');
    expect(
      draftReply({ ...KO_POST, lang: 'en', category: 'delivery', channel: 'blog' }, context(voice)).lang,
    ).toBe('en');
  });

  it('names the customer, thanks them, promises a dated action and signs as the team', () => {
    const { text } = draftReply(
      { ...KO_POST, category: 'refund_billing', channel: 'naver_cafe' },
      context(voice),
    );
    expect(text.startsWith('바삭맘님, ')).toBe(true);
    expect(text).toContain('감사합니다');
    expect(text).toContain('12월 8일(화)까지');
    expect(text).toContain('자동으로 전액 환불');
    expect(text).toContain('카카오톡 채널 @hanbitfoods로');
    expect(text.endsWith('한빛푸드 고객경험팀 드림')).toBe(true);
  });

  it('speaks 해요체 when the voice asks for it', () => {
    const { text } = draftReply(
      { ...KO_POST, category: 'contamination', channel: 'blog' },
      context({ ...voice, formality: 'polite' }),
    );
    expect(text).toContain('정말 죄송해요');
    expect(text).not.toMatch(/습니다\./);
  });

  it('keeps every tweet within 280 weighted characters, Hangul counting double', () => {
    for (const category of CATEGORIES) {
      for (const post of [KO_POST, EN_POST]) {
        const { text } = draftReply(
          { ...post, author: 'a_rather_long_handle_name_here', category, channel: 'twitter' },
          context({ ...voice, signature: '한빛푸드 고객경험팀 김하늘 매니저' }),
        );
        expect(replyLength(text, 'twitter'), text).toBeLessThanOrEqual(280);
      }
    }
  });

  it('never asks for personal details in public and uses the configured private channel', () => {
    const { text } = draftReply({ ...EN_POST, category: 'data_breach', channel: 'blog' }, context(enVoice));
    expect(text).toContain('by email at care@hanbit.example');
    expect(text).not.toMatch(/order number|account number|password here/i);
  });

  it('uses a handle only when it is a safe name', () => {
    expect(greetingName('@crunchy_dad')).toBe('crunchy_dad');
    expect(greetingName('익명')).toBeUndefined();
    expect(greetingName('<!channel>')).toBe('!channel');
    expect(greetingName('https://evil.example')).toBeUndefined();
    expect(greetingName('x'.repeat(40))).toBeUndefined();
    expect(greetingName(undefined)).toBeUndefined();
  });
});

describe('templateFor', () => {
  it('answers a double charge scored as an outage with the billing template', () => {
    const charged = { title: '', text: 'I was charged twice for one order', category: 'outage' as const };
    expect(draftReply({ ...charged, channel: 'blog', lang: 'en' }, context(enVoice)).text).toContain(
      'We will refund the wrong charge in full, automatically',
    );
    const down = { title: '', text: '앱이 하루 종일 먹통이에요', category: 'outage' as const };
    expect(draftReply({ ...down, channel: 'blog' }, context(voice)).text).toContain('서비스가 멈춘 시간만큼');
  });
});
