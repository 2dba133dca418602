import { describe, expect, it } from 'vitest';
import { parseCount } from '../../src/sources/count.js';
import { parseDate } from '../../src/sources/date.js';
import { collapseWhitespace, htmlToText, truncateText } from '../../src/sources/text.js';

describe('htmlToText', () => {
  it.each([
    ['<b>한빛푸드</b> 바삭칩 &quot;이물질&quot;', '한빛푸드 바삭칩 "이물질"'],
    ['<p>first</p><p>second</p>', 'first second'],
    ['line<br>break', 'line break'],
    ['a &amp;amp; b', 'a &amp; b'],
    ['&#54620;&#xBE5B; &lt;연결 불가&gt; &#39;ㅠㅠ&#39;', "한빛 <연결 불가> 'ㅠㅠ'"],
    ['keep&nbsp;&nbsp;one\u3000space\u200b', 'keep one space'],
    ['<script>alert(1)</script><style>p{}</style>visible<!-- hidden -->', 'visible'],
    ['plain text with 2 < 3 and 5 > 4', 'plain text with 2 < 3 and 5 > 4'],
    ['unclosed <b>bold <i>italic', 'unclosed bold italic'],
    ['', ''],
  ])('turns %j into %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

describe('collapseWhitespace and truncateText', () => {
  it('collapses newlines, tabs and NBSP into single spaces', () => {
    expect(collapseWhitespace('  a\n\t b\u00a0 c  ')).toBe('a b c');
  });

  it('leaves short text alone and cuts long text with an ellipsis', () => {
    expect(truncateText('short', 10)).toBe('short');
    expect(truncateText('abcdefghijkl', 5)).toBe('abcd…');
  });

  it('never splits an emoji in two when cutting', () => {
    const cut = truncateText('ab😀cd', 4);
    expect(cut).toBe('ab…');
    expect(cut.isWellFormed()).toBe(true);
  });
});

describe('parseCount', () => {
  it.each([
    ['1,234', 1234],
    ['1.2만', 12_000],
    ['3천', 3000],
    ['1만 2천', 12_000],
    ['1만2345', 12_345],
    ['1억', 100_000_000],
    ['1.5k', 1500],
    ['2.3M', 2_300_000],
    ['[12]', 12],
    ['(3)', 3],
    ['조회 1,240', 1240],
    ['댓글 14개', 14],
    ['조회수: 45회', 45],
    ['1.234', 1234],
    ['5 min', 5],
    ['추천 6 | 비추천 2', 6],
    ['+7', 7],
  ])('reads %j as %d', (label, count) => {
    expect(parseCount(label)).toBe(count);
  });

  it.each([['-'], [''], ['N/A'], ['없음'], [undefined]])('finds no count in %j', (label) => {
    expect(parseCount(label)).toBeUndefined();
  });
});

describe('parseDate', () => {
  // Friday 20 November 2026, 15:00 in Korea.
  const now = new Date('2026-11-20T06:00:00Z');

  it.each([
    ['Fri, 20 Nov 2026 14:05:00 +0900', '2026-11-20T05:05:00.000Z'],
    ['Thu, 19 Nov 2026 23:30:00 GMT', '2026-11-19T23:30:00.000Z'],
    ['Fri, 20 Nov 2026 14:05:00 KST', '2026-11-20T05:05:00.000Z'],
    ['2026-11-20T05:12:44Z', '2026-11-20T05:12:44.000Z'],
    ['2026-11-20T10:00:00+09:00', '2026-11-20T01:00:00.000Z'],
    ['2026-11-20T10:00:00', '2026-11-20T01:00:00.000Z'],
    ['2026.11.20', '2026-11-19T15:00:00.000Z'],
    ['2026.11.20.', '2026-11-19T15:00:00.000Z'],
    ['2026.11.20 14:32', '2026-11-20T05:32:00.000Z'],
    ['2026-11-18 21:05:33', '2026-11-18T12:05:33.000Z'],
    ['2026/11/20', '2026-11-19T15:00:00.000Z'],
    ['26.11.20', '2026-11-19T15:00:00.000Z'],
    ['2026. 11. 20. 오후 2:32', '2026-11-20T05:32:00.000Z'],
    ['2026년 11월 20일 오전 12:05', '2026-11-19T15:05:00.000Z'],
    ['2026.11.20 (금) 14:32', '2026-11-20T05:32:00.000Z'],
    ['20261120', '2026-11-19T15:00:00.000Z'],
    ['11-19', '2026-11-18T15:00:00.000Z'],
    ['11.18 09:00', '2026-11-18T00:00:00.000Z'],
    ['12-31', '2025-12-30T15:00:00.000Z'],
    ['14:32', '2026-11-20T05:32:00.000Z'],
    ['16:00', '2026-11-19T07:00:00.000Z'],
    ['방금', '2026-11-20T06:00:00.000Z'],
    ['3분 전', '2026-11-20T05:57:00.000Z'],
    ['2시간 전', '2026-11-20T04:00:00.000Z'],
    ['1일 전', '2026-11-19T06:00:00.000Z'],
    ['어제', '2026-11-18T15:00:00.000Z'],
    ['어제 23:10', '2026-11-19T14:10:00.000Z'],
    ['오늘 09:15', '2026-11-20T00:15:00.000Z'],
    ['5 minutes ago', '2026-11-20T05:55:00.000Z'],
    ['3h', '2026-11-20T03:00:00.000Z'],
    ['Nov 18, 2026', '2026-11-17T15:00:00.000Z'],
    ['Nov 18', '2026-11-17T15:00:00.000Z'],
    ['November 18', '2026-11-17T15:00:00.000Z'],
    ['18 Nov', '2026-11-17T15:00:00.000Z'],
    ['Wed, 18 November', '2026-11-17T15:00:00.000Z'],
    ['Nov 18th at 2:05 PM', '2026-11-18T05:05:00.000Z'],
    ['Sept 3, 09:30', '2026-09-03T00:30:00.000Z'],
    ['Dec 5', '2025-12-04T15:00:00.000Z'],
    ['5 Dec', '2025-12-04T15:00:00.000Z'],
    ['December 5', '2025-12-04T15:00:00.000Z'],
    ['2026-11-20 10:00:00 +09:00', '2026-11-20T01:00:00.000Z'],
    ['2026-11-20 10:00 -0500', '2026-11-20T15:00:00.000Z'],
    ['2026.11.20 10:00:00 +0000', '2026-11-20T10:00:00.000Z'],
    ['1795148000', '2026-11-20T04:13:20.000Z'],
  ])('reads %j as %s (Korea time unless a zone is given)', (label, iso) => {
    expect(parseDate(label, { now })).toBe(iso);
  });

  it('reads bare times in another zone when the source says so', () => {
    expect(parseDate('2026-11-20 14:32', { now, utcOffsetMinutes: 0 })).toBe('2026-11-20T14:32:00.000Z');
  });

  it('gives month names without a year this year in the source’s zone, or last year when that is ahead', () => {
    const newYork = { now: new Date('2026-12-07T05:00:00Z'), timeZone: 'America/New_York' };
    expect(parseDate('Dec 5', newYork)).toBe('2026-12-05T05:00:00.000Z');
    expect(parseDate('5 Dec 21:00', newYork)).toBe('2026-12-06T02:00:00.000Z');
    // On New Year's Day, December is last year's.
    const newYear = { now: new Date('2027-01-01T06:00:00Z'), timeZone: 'America/New_York' };
    expect(parseDate('Dec 31', newYear)).toBe('2026-12-31T05:00:00.000Z');
    expect(parseDate('31 December 23:30', newYear)).toBe('2027-01-01T04:30:00.000Z');
    expect(parseDate('Jan 1', newYear)).toBe('2027-01-01T05:00:00.000Z');
    // More than a day ahead is last year's.
    expect(parseDate('Jan 3', newYear)).toBe('2026-01-03T05:00:00.000Z');
  });

  it.each([
    [''],
    ['   '],
    ['hello'],
    ['2026.13.40'],
    ['2026.02.30'],
    ['25:61'],
    ['Feb 30'],
    ['Foo 5'],
    ['Dec 5 GMT'],
    [undefined],
  ])('finds no date in %j', (label) => {
    expect(parseDate(label, { now })).toBeUndefined();
  });
});
