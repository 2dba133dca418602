import { describe, expect, it } from 'vitest';
import { dailySeries } from '../../src/core/followup/daily-series.js';
import { markAlertSent, transition } from '../../src/core/thread.js';
import { svgToPng } from '../../src/report/chart-png.js';
import { niceMax, reportChartSvg } from '../../src/report/chart-svg.js';
import { makeThread } from '../helpers/slack-fixtures.js';

describe('daily series', () => {
  it('counts risky threads per local day with the median minutes to acknowledge, every day present', () => {
    // 2026-11-22 23:30 and 2026-11-23 00:30 in Seoul are two different days.
    const late = markAlertSent(
      makeThread({ id: 'a', now: '2026-11-22T14:30:00.000Z', risk: { level: 'high' } }),
      '2026-11-22T14:30:00.000Z',
    );
    const acked = transition(late, { type: 'acknowledge', by: 'U1' }, '2026-11-22T14:50:00.000Z');
    const early = markAlertSent(
      makeThread({ id: 'b', now: '2026-11-22T15:30:00.000Z', risk: { level: 'critical' } }),
      '2026-11-22T15:30:00.000Z',
    );
    const calm = makeThread({ id: 'c', now: '2026-11-22T15:40:00.000Z', risk: { level: 'none' } });
    const points = dailySeries([acked, early, calm], {
      since: '2026-11-20T15:00:00.000Z',
      until: '2026-11-23T15:00:00.000Z',
      threshold: 'medium',
      timeZone: 'Asia/Seoul',
    });
    expect(points).toEqual([
      { day: '2026-11-21', risky: 0, medianAckMinutes: null },
      { day: '2026-11-22', risky: 1, medianAckMinutes: 20 },
      { day: '2026-11-23', risky: 1, medianAckMinutes: null },
    ]);
  });
});

describe('report chart', () => {
  it('picks round axis maxima', () => {
    expect([0, 1, 3, 7, 12, 99, 101].map(niceMax)).toEqual([1, 1, 5, 10, 20, 100, 200]);
  });

  it('draws one bar per day and a line for time to acknowledge, with the title escaped', () => {
    const svg = reportChartSvg(
      [
        { day: '2026-11-21', risky: 2, medianAckMinutes: 30 },
        { day: '2026-11-22', risky: 5, medianAckMinutes: null },
        { day: '2026-11-23', risky: 1, medianAckMinutes: 12 },
      ],
      'Risky <threads> & time',
    );
    expect(svg.match(/<rect x=/g)).toHaveLength(3 + 1);
    expect(svg).toContain('<polyline points=');
    expect(svg).toContain('Risky &lt;threads&gt; &amp; time');
    expect(svg).toContain('>11-22<');
  });

  it('renders to a PNG image', () => {
    const png = svgToPng(reportChartSvg([{ day: '2026-11-23', risky: 3, medianAckMinutes: 15 }], 'One day'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(800);
    expect(png.readUInt32BE(20)).toBe(360);
  });
});
