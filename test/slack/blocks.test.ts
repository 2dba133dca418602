import { describe, expect, it } from 'vitest';
import { transition } from '../../src/core/thread.js';
import { alertFallbackText, buildAlertMessage } from '../../src/slack/blocks.js';
import { stringsFor } from '../../src/slack/i18n.js';
import { ACTION, ACTION_IDS } from '../../src/slack/ids.js';
import { escapeMrkdwn, mrkdwnLink, safeText, slackDate, truncate } from '../../src/slack/mrkdwn.js';
import { makeThread } from '../helpers/slack-fixtures.js';

const ko = stringsFor('ko');
const en = stringsFor('en');
const render = (thread = makeThread(), strings = ko) =>
  buildAlertMessage(thread, { sourceName: '자유게시판', strings });
const allText = (value: unknown) => JSON.stringify(value);

/** Every mrkdwn control sequence Slack would act on: <!…>, <@…>, <#…>, <url|label>. */
const CONTROL = /<(!|@|#|https?:|mailto:)/;

describe('escapeMrkdwn', () => {
  it.each([
    ['<!channel> 긴급', '&lt;!channel&gt; 긴급'],
    ['<@U12345> look', '&lt;@U12345&gt; look'],
    ['<https://evil.example|https://hanbit.example>', '&lt;https://evil.example|https://hanbit.example&gt;'],
    ['AT&T & co', 'AT&amp;T &amp; co'],
    ['<!subteam^S123>', '&lt;!subteam^S123&gt;'],
    ['hey @channel and @here', 'hey @\u200bchannel and @\u200bhere'],
    ['bidi \u202eevil', 'bidi evil'],
  ])('makes %j inert', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });

  it('never cuts an entity or a surrogate pair in half', () => {
    expect(truncate(escapeMrkdwn('aaaa&'), 5)).toBe('aaaa…');
    expect(safeText('<<<<', 6)).toBe('&lt;…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
  });

  it('links only http(s) URLs and keeps a | in the URL from ending it', () => {
    expect(mrkdwnLink('javascript:alert(1)', 'click')).toBe('click');
    expect(mrkdwnLink('https://a.example/x|y?q=<b>', 'T<i>')).toBe(
      '<https://a.example/x%7Cy?q=%3Cb%3E|T&lt;i&gt;>',
    );
  });

  it('shows the real host after a label that names another site', () => {
    expect(mrkdwnLink('https://evil.example/login', 'bank.com')).toBe(
      '<https://evil.example/login|bank.com> (evil.example)',
    );
    expect(mrkdwnLink('https://evil.example/x', 'https://www.KBstar.com/notice 고객 공지')).toBe(
      '<https://evil.example/x|https://www.KBstar.com/notice 고객 공지> (evil.example)',
    );
    expect(mrkdwnLink('https://xn--bnk-xla.example/', '공지: 한빛은행.com 점검')).toContain(
      '(xn--bnk-xla.example)',
    );
    // A label naming the link's own site, a parent or a child of it, or no site at all, is left alone.
    expect(mrkdwnLink('https://n.news.naver.com/a/1', 'news.naver.com 단독')).toBe(
      '<https://n.news.naver.com/a/1|news.naver.com 단독>',
    );
    expect(mrkdwnLink('https://www.hanbit.example/p', 'hanbit.example 공지')).toBe(
      '<https://www.hanbit.example/p|hanbit.example 공지>',
    );
    expect(mrkdwnLink('https://cafe.example/1', '과자에서 벌레가 나왔습니다.정말이에요 3.5kg')).toBe(
      '<https://cafe.example/1|과자에서 벌레가 나왔습니다.정말이에요 3.5kg>',
    );
  });

  it('formats dates with Slack date tokens and an escaped fallback', () => {
    expect(slackDate('2026-11-22T01:00:00.000Z')).toBe(
      '<!date^1795309200^{date_short_pretty} {time}|2026-11-22 01:00 UTC>',
    );
    expect(slackDate('<!channel>')).toBe('&lt;!channel&gt;');
  });
});

describe('buildAlertMessage', () => {
  it('shows level, category, linked title, byline with a Slack date, excerpt, counts, reasons and the five buttons', () => {
    const { text, blocks } = render();
    expect(blocks[0]).toMatchObject({
      type: 'header',
      text: { type: 'plain_text', text: '🔴 높음 · 이물질·위생' },
    });
    expect(allText(blocks[1])).toContain('<https://board.example/posts/1|한빛푸드 과자에서 벌레가 나왔어요>');
    expect(allText(blocks[2])).toMatch(/출처: 자유게시판 · 작성자: 익명 · 게시: <!date\^\d+\^/);
    expect(allText(blocks)).toContain('조회 120 · 댓글 8');
    expect(allText(blocks)).toContain('이물질 언급');
    const actions = blocks.find((b) => b.type === 'actions') as {
      elements: { action_id: string; value: string }[];
    };
    expect(actions.elements.map((e) => e.action_id)).toEqual(ACTION_IDS);
    expect(actions.elements.every((e) => e.value === 't-abc123')).toBe(true);
    expect(text).toBe('[높음] 이물질·위생: 한빛푸드 과자에서 벌레가 나왔어요 (대응 대기)');
    expect(allText(blocks)).toContain('*확산 단계*');
    expect(allText(blocks)).toContain('*권장 대응*\\n즉시 에스컬레이션');
  });

  it('renders in English when the locale is en, leaving scraped text as written', () => {
    const { blocks } = render(makeThread(), en);
    expect(blocks[0]).toMatchObject({ text: { text: '🔴 High · Contamination / hygiene' } });
    expect(allText(blocks)).toContain('한빛푸드 과자에서');
    expect(allText(blocks)).toContain('"Acknowledge"');
  });

  it('lets no hostile title, author, excerpt, reason or source name form a mention, broadcast or link', () => {
    const hostile =
      '<!channel> <!here> <@U0ADMIN> <!subteam^S1> <https://evil.example|https://hanbit.example> & <#C1>';
    const thread = makeThread({
      post: { title: hostile, text: hostile, author: hostile, url: 'https://board.example/p?a=1&b=<2>' },
      risk: { reasons: [hostile] },
    });
    const message = buildAlertMessage(thread, { sourceName: hostile, strings: ko });
    const texts: string[] = [];
    JSON.stringify(message.blocks, (key, value) => {
      if (key === 'text' && typeof value === 'string') texts.push(value);
      return value;
    });
    for (const text of [...texts, message.text]) {
      const withoutOwn = text
        .replace(/<https:\/\/board\.example\/p\?a=1&amp;b=%3C2%3E\|/g, '')
        .replace(/<!date\^\d+\^[^|]+\|[^>]*>/g, '');
      expect(withoutOwn).not.toMatch(CONTROL);
    }
    expect(allText(message.blocks)).toContain('&lt;!channel&gt;');
  });

  it('keeps every field within Block Kit limits for huge input', () => {
    const huge = '가'.repeat(20_000);
    const thread = makeThread({
      post: { title: huge, text: huge, author: huge },
      risk: { reasons: Array.from({ length: 80 }, () => huge) },
    });
    const { blocks } = buildAlertMessage(thread, { sourceName: huge, strings: ko });
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const block of blocks) {
      if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
      if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      if (block.type === 'context')
        for (const e of block.elements) expect('text' in e ? e.text.length : 0).toBeLessThanOrEqual(2000);
    }
  });

  it('shows who acknowledged, drops the Acknowledge button, and collapses a dismissed thread without buttons', () => {
    const acked = transition(makeThread(), { type: 'acknowledge', by: 'U1' }, '2026-11-22T03:00:00.000Z');
    const ackedBlocks = render(acked).blocks;
    expect(allText(ackedBlocks)).toContain('*확인됨* · <@U1>');
    const actions = ackedBlocks.find((b) => b.type === 'actions') as { elements: { action_id: string }[] };
    expect(actions.elements.map((e) => e.action_id)).not.toContain(ACTION.ack);

    const dismissed = transition(acked, { type: 'dismiss', by: 'U2' }, '2026-11-22T04:00:00.000Z');
    const collapsed = render(dismissed);
    expect(collapsed.blocks).toHaveLength(2);
    expect(allText(collapsed.blocks)).toContain('위기 아님으로 처리됨 · <@U2>');
    expect(alertFallbackText(dismissed, ko)).toContain('(위기 아님)');
  });

  it('shows a resolved thread with its outcome and no buttons', () => {
    const resolved = transition(
      makeThread(),
      { type: 'resolve', by: 'U1', outcome: 'refunded_fixed', note: '환불 완료' },
      '2026-11-22T05:00:00.000Z',
    );
    const { blocks } = render(resolved);
    expect(blocks[0]).toMatchObject({ text: { text: '✅ 높음 · 이물질·위생 · 해결됨' } });
    expect(allText(blocks)).toContain('환불·조치 완료');
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
  });
});
