import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createThread } from '../../src/core/thread.js';
import {
  createConsoleNotifier,
  formatAlert,
  formatLocalTime,
  toTerminalText,
} from '../../src/notify/console-notifier.js';

const thread = createThread({
  id: 'a1b2c3d4e5f6',
  canonicalUrl: 'https://community.example.kr/view.php?no=1024',
  post: {
    id: 'board:1024',
    sourceId: 'board',
    url: 'https://community.example.kr/view.php?no=1024',
    title: '한빛푸드 바삭칩에서 이물질\x1b[2J\x1b]0;pwned\x07 나왔어요',
    text: '봉지 안에서 검은 이물질이 나왔습니다.',
    author: '바삭맘',
    publishedAt: '2026-11-22T05:05:00.000Z',
    metrics: { views: 1240, comments: 85 },
  },
  risk: {
    score: 72,
    level: 'high',
    category: 'contamination',
    reasons: ['contamination: "이물질" (+35)', 'evidence: "사진" (+8)'],
  },
  now: '2026-11-22T00:00:00.000Z',
});

describe('console notifier', () => {
  it('prints one block with level, category, title, source, link, counts and reasons', () => {
    const block = formatAlert(thread, { sourceName: '자유게시판' });
    expect(block).toMatch(/^━━ HIGH · contamination · score 72 ━+/);
    expect(block).toContain('한빛푸드 바삭칩에서 이물질');
    expect(block).toMatch(/source\s+자유게시판 · 바삭맘 · 2026-11-22 14:05 GMT\+9/);
    expect(block).toMatch(/link\s+https:\/\/community\.example\.kr\/view\.php\?no=1024/);
    expect(block).toMatch(/counts\s+views 1,240 · comments 85/);
    expect(block).toMatch(/why\s+contamination: "이물질" \(\+35\)/);
    expect(block).toContain('evidence: "사진" (+8)');
    expect(block).toMatch(/stage\s+3 of 4 \(readers joining in\): 85 comments/);
    expect(block).toMatch(/respond\s+escalate now: serious allegation \(contamination\)/);
  });

  it('shows dates in the configured time zone', () => {
    expect(formatLocalTime('2026-11-22T05:05:00.000Z', 'Asia/Seoul')).toBe('2026-11-22 14:05 GMT+9');
    expect(formatLocalTime('2026-11-22T05:05:00.000Z', 'UTC')).toBe('2026-11-22 05:05 UTC');
    expect(formatLocalTime('yesterday', 'UTC')).toBe('yesterday');
  });

  it('never lets scraped text send escape sequences to the terminal', () => {
    const block = formatAlert(thread, { sourceName: 'x' });
    expect(block).not.toContain('\x1b');
    expect(block).not.toContain('\x07');
    expect(toTerminalText('a\u202eb\u200bc\r\nd')).toBe('abc d');
  });

  it('colours the header only on a terminal', async () => {
    let out = '';
    const sink = Object.assign(
      new Writable({
        write(chunk, _enc, done) {
          out += chunk.toString();
          done();
        },
      }),
      { isTTY: true },
    );
    await createConsoleNotifier(sink).notify(thread, { sourceName: 'x' });
    expect(out.startsWith('\x1b[1;31m━━ HIGH')).toBe(true);
  });
});
