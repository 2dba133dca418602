import { describe, expect, it } from 'vitest';
import {
  detectRelapse,
  growthNews,
  recordGrowth,
  reopenForRelapse,
} from '../../../src/core/followup/growth.js';
import { configFrom } from '../../../src/config/load.js';
import { markAlertSent, transition } from '../../../src/core/thread.js';
import type { MetricsSnapshot, Thread } from '../../../src/core/thread-schema.js';
import { makeThread } from '../../helpers/slack-fixtures.js';

const T0 = Date.parse('2026-11-23T01:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const RELAPSE = { relapseDays: 7, relapseComments: 20 };

/** A thread alerted at T0 with 8 comments and 120 views (the fixture), then these snapshots. */
function withMetrics(snaps: Omit<MetricsSnapshot, 'at'>[], minutes: number[], base?: Thread): Thread {
  const thread =
    base ?? markAlertSent(makeThread({ now: at(0), post: { text: '한빛푸드 과자가 이상해요' } }), at(0));
  const metrics = [...thread.metrics, ...snaps.map((m, i) => ({ at: at(minutes[i] ?? 0), ...m }))];
  return { ...thread, metrics, lastSeenAt: metrics.at(-1)?.at ?? thread.lastSeenAt };
}

describe('growth news', () => {
  it('reports a jump in comments within the last hour', () => {
    const thread = withMetrics(
      [
        { views: 200, comments: 20 },
        { views: 300, comments: 140 },
      ],
      [30, 90],
    );
    expect(growthNews(thread, T0 + 90 * 60_000)).toMatchObject({ comments: 120, views: 100, since: at(30) });
  });

  it('takes the team’s own thresholds from the config', () => {
    const small = withMetrics([{ views: 130, comments: 12 }], [60]);
    const { followup } = configFrom({
      watch: { brands: [{ name: '한빛푸드' }] },
      sources: [{ id: 'f', type: 'feed', url: 'https://news.example/rss' }],
      followup: { growth: { comments: 3 } },
    });
    expect(followup.growth).toEqual({ comments: 3, views: 1000, windowMinutes: 60, cooldownMinutes: 60 });
    expect(growthNews(small, T0 + 60 * 60_000, followup.growth)).toMatchObject({ comments: 4 });
  });

  it('stays quiet for small gains and for threads not alerted or closed', () => {
    const small = withMetrics([{ views: 130, comments: 12 }], [60]);
    expect(growthNews(small, T0 + 60 * 60_000)).toBeUndefined();
    const silent = withMetrics([{ views: 5000, comments: 300 }], [60], makeThread({ now: at(0) }));
    expect(growthNews(silent, T0 + 60 * 60_000)).toBeUndefined();
    const big = withMetrics([{ views: 5000, comments: 300 }], [60]);
    const resolved = transition(big, { type: 'resolve', by: 'U1' }, at(61));
    expect(growthNews(resolved, T0 + 61 * 60_000)).toBeUndefined();
  });

  it('tells the same jump once, then again after the cooldown when it keeps growing', () => {
    const first = withMetrics([{ views: 2000, comments: 40 }], [30]);
    const news = growthNews(first, T0 + 30 * 60_000);
    expect(news).toBeDefined();
    const told = recordGrowth(first, news as NonNullable<typeof news>, at(30));
    expect(growthNews(told, T0 + 31 * 60_000)).toBeUndefined();
    const more = withMetrics([{ views: 2100, comments: 45 }], [60], told);
    expect(growthNews(more, T0 + 60 * 60_000)).toBeUndefined();
    const later = withMetrics([{ views: 9000, comments: 200 }], [100], more);
    expect(growthNews(later, T0 + 100 * 60_000)).toMatchObject({ comments: 160 });
  });

  it('reports a stage advance at once, even inside the cooldown', () => {
    const first = withMetrics([{ views: 2000, comments: 12 }], [30]);
    const news = growthNews(first, T0 + 30 * 60_000);
    const told = recordGrowth(first, news as NonNullable<typeof news>, at(30));
    const joining = withMetrics([{ views: 2100, comments: 35 }], [40], told);
    expect(growthNews(joining, T0 + 40 * 60_000)).toMatchObject({ stageFrom: 2, stageTo: 3 });
  });
});

describe('the same story on more sites', () => {
  const alsoOn = (thread: Thread, source: string, minutes: number): Thread => ({
    ...thread,
    sites: [...(thread.sites ?? [thread.sourceId]), source],
    events: [...thread.events, { at: at(minutes), type: 'seen', note: `also on ${source}` }],
  });

  it('reports a new site at once, and each further one once', () => {
    const quiet = withMetrics([{ views: 125, comments: 8 }], [10]);
    expect(growthNews(quiet, T0 + 10 * 60_000)).toBeUndefined();
    const spread = alsoOn(quiet, 'cafe', 20);
    const news = growthNews(spread, T0 + 20 * 60_000);
    expect(news).toMatchObject({ sitesFrom: 1, sitesTo: 2, stageTo: 2 });
    const told = recordGrowth(spread, news as NonNullable<typeof news>, at(20));
    expect(growthNews(told, T0 + 25 * 60_000)).toBeUndefined();
    expect(growthNews(alsoOn(told, 'blog', 26), T0 + 26 * 60_000)).toMatchObject({
      sitesFrom: 2,
      sitesTo: 3,
    });
  });

  it('does not report sites the story was already on when it was alerted', () => {
    const base = markAlertSent(
      { ...makeThread({ now: at(0), post: { text: '한빛푸드 과자가 이상해요' } }), sites: ['board', 'cafe'] },
      at(0),
    );
    const thread = withMetrics([{ views: 125, comments: 8 }], [10], base);
    expect(growthNews(thread, T0 + 10 * 60_000)).toBeUndefined();
  });
});

describe('level crossings', () => {
  it('tells a thread crossing into high or critical at once, once', () => {
    const medium = markAlertSent(makeThread({ now: at(0), risk: { level: 'medium' } }), at(0));
    const risen = {
      ...withMetrics([{ views: 121, comments: 8 }], [10], medium),
      risk: { ...medium.risk, level: 'high' as const },
    };
    const news = growthNews(risen, T0 + 10 * 60_000);
    expect(news).toMatchObject({ levelFrom: 'medium', levelTo: 'high', jumped: false });
    const told = recordGrowth(risen, news as NonNullable<typeof news>, at(10));
    expect(told.events.at(-1)?.note).toBe('stage=4;level=high;sites=1');
    expect(growthNews(told, T0 + 11 * 60_000)).toBeUndefined();
    const critical = { ...told, risk: { ...told.risk, level: 'critical' as const } };
    expect(growthNews(critical, T0 + 12 * 60_000)).toMatchObject({ levelFrom: 'high', levelTo: 'critical' });
  });

  it('does not tell a rise that stays below high', () => {
    const low = markAlertSent(makeThread({ now: at(0), risk: { level: 'low' } }), at(0));
    const medium = {
      ...withMetrics([{ views: 121, comments: 8 }], [10], low),
      risk: { ...low.risk, level: 'medium' as const },
    };
    expect(growthNews(medium, T0 + 10 * 60_000)).toBeUndefined();
  });
});

describe('relapse', () => {
  const resolvedAt = (minutes: number) => {
    const alerted = markAlertSent(makeThread({ now: at(0) }), at(0));
    return transition(alerted, { type: 'resolve', by: 'U1' }, at(minutes));
  };

  it('reopens a resolved thread that spikes within the relapse window, with its deadlines starting over', () => {
    const thread = withMetrics([{ views: 150, comments: 40 }], [3 * 1440], resolvedAt(60));
    const relapse = detectRelapse(thread, T0 + 3 * 1440 * 60_000, RELAPSE);
    expect(relapse).toEqual({ resolvedAt: at(60), comments: 32, views: 30 });
    const reopened = reopenForRelapse(thread, relapse as NonNullable<typeof relapse>, at(3 * 1440));
    expect(reopened.state).toBe('open');
    expect(reopened.events.at(-1)).toMatchObject({
      type: 'reopened',
      note: 'relapse: +32 comments, +30 views since resolved',
    });
  });

  it('leaves a resolved thread alone after the window, or when it barely moves', () => {
    const late = withMetrics([{ views: 150, comments: 400 }], [8 * 1440], resolvedAt(60));
    expect(detectRelapse(late, T0 + 8 * 1440 * 60_000, RELAPSE)).toBeUndefined();
    const calm = withMetrics([{ views: 150, comments: 12 }], [1440], resolvedAt(60));
    expect(detectRelapse(calm, T0 + 1440 * 60_000, RELAPSE)).toBeUndefined();
    const off = withMetrics([{ views: 150, comments: 400 }], [1440], resolvedAt(60));
    expect(detectRelapse(off, T0 + 1440 * 60_000, { relapseDays: 0, relapseComments: 20 })).toBeUndefined();
  });

  it('asks a post that was already big when resolved to grow by half again before it counts as a spike', () => {
    const big = transition(
      withMetrics([{ views: 50_000, comments: 600 }], [30]),
      { type: 'resolve', by: 'U1' },
      at(60),
    );
    const read = withMetrics([{ views: 56_000, comments: 640 }], [1440], big);
    expect(detectRelapse(read, T0 + 1440 * 60_000, RELAPSE)).toBeUndefined();
    const spiking = withMetrics([{ views: 80_000, comments: 700 }], [1440], big);
    expect(detectRelapse(spiking, T0 + 1440 * 60_000, RELAPSE)).toMatchObject({ views: 30_000 });
  });
});
