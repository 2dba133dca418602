import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { configFrom } from '../../src/config/load.js';
import { createMatcher } from '../../src/core/match.js';
import type { Post } from '../../src/core/post.js';
import { scorePost } from '../../src/core/risk/score.js';
import { assessThread } from '../../src/core/risk/assess-thread.js';
import { StoryIndex } from '../../src/core/story.js';
import { observeThread, transition } from '../../src/core/thread.js';
import { EVENT_OBSERVATIONS_MAX, type Thread } from '../../src/core/thread-schema.js';
import type { HttpClient } from '../../src/http/types.js';
import type { Notifier } from '../../src/notify/notifier.js';
import { runScan, type ScanDeps } from '../../src/pipeline/scan.js';
import { createHtmlBoardSource } from '../../src/sources/html-board.js';
import type { Source } from '../../src/sources/source.js';
import { createStore } from '../../src/store/keyv-store.js';
import type { Store } from '../../src/store/store.js';
import { type FixtureServer, startFixtureServer } from '../helpers/fixture-server.js';
import { createTestHttp } from '../helpers/test-http.js';

const config = configFrom({
  watch: { brands: [{ name: '한빛푸드', aliases: ['Hanbit Foods'] }], exclude: ['한빛푸드뱅크'] },
  sources: [{ id: 'unused', type: 'hn' }],
});

const post = (id: string, over: Partial<Post> = {}): Post => ({
  id: `board:${id}`,
  sourceId: 'board',
  url: `https://community.example.kr/view.php?no=${id}`,
  title: '',
  text: '',
  metrics: {},
  ...over,
});

/** A source whose next answer the test sets; it is a real Source, fetched through runScan. */
function scriptedSource(id: string, answers: (() => Promise<Post[]>)[]): Source {
  let call = 0;
  return {
    id,
    type: 'scripted',
    async fetchPosts() {
      const answer = answers[Math.min(call, answers.length - 1)];
      call += 1;
      const posts = answer ? await answer() : [];
      return { posts, unchanged: false, warnings: [] };
    },
  };
}

function recordingNotifier(failFirst = 0): Notifier & { sent: Thread[] } {
  let failures = failFirst;
  const sent: Thread[] = [];
  return {
    sent,
    async notify(thread) {
      if (failures > 0) {
        failures -= 1;
        throw new Error('Slack is down');
      }
      sent.push(thread);
    },
  };
}

const unusedHttp: HttpClient = {
  fetchText: () => Promise.reject(new Error('no network in this test')),
};

function deps(store: Store, sources: Source[], notifier: Notifier, clock: { now: Date }): ScanDeps {
  const match = createMatcher(config.watch);
  return {
    sources,
    sourceName: (id) => id,
    http: unusedHttp,
    store,
    notifier,
    match,
    score: (p) => scorePost({ title: p.title, text: p.text, metrics: p.metrics }),
    threshold: config.alert.threshold,
    queries: ['한빛푸드'],
    env: {},
    logger: pino({ level: 'silent' }),
    now: () => clock.now,
  };
}

const contamination = post('1024', {
  title: '한빛푸드 과자에서 이물질 나왔어요',
  text: '봉지 안에서 벌레가 나왔습니다. 사진 있습니다.',
  metrics: { views: 40, comments: 3 },
});
const rave = post('1023', { title: '한빛푸드 케이크 진짜 죽인다', text: '최고', metrics: { views: 50_000 } });
const unrelated = post('1020', { title: '등산 후기', text: '이물질 없는 맑은 공기' });
const excluded = post('1019', { title: '한빛푸드뱅크 봉사자 모집', text: '불량 식품 없는 나눔' });

describe('runScan', () => {
  it('keeps posts about us, tracks one thread each, and alerts the risky ones once', async () => {
    const store = await createStore();
    const clock = { now: new Date('2026-11-22T00:00:00Z') };
    const notifier = recordingNotifier();
    const source = scriptedSource('board', [
      async () => [contamination, rave, unrelated, excluded],
      async () => [{ ...contamination, metrics: { views: 400, comments: 30 } }, rave],
    ]);

    const first = await runScan(deps(store, [source], notifier, clock));
    expect(first).toMatchObject({ posts: 4, matched: 2, excluded: 1, newThreads: 2, updatedThreads: 0 });
    expect(notifier.sent.map((t) => t.title)).toEqual([contamination.title]);

    clock.now = new Date('2026-11-22T00:10:00Z');
    const second = await runScan(deps(store, [source], notifier, clock));
    expect(second).toMatchObject({ newThreads: 0, updatedThreads: 2 });
    expect(second.alerts).toHaveLength(0);
    expect(notifier.sent).toHaveLength(1);

    const threads: Thread[] = [];
    for await (const t of store.threads()) threads.push(t);
    const tracked = threads.find((t) => t.title === contamination.title);
    expect(tracked?.metrics.map((m) => m.views)).toEqual([40, 400]);
    expect(tracked?.alert?.status).toBe('sent');
  });

  it('treats the same post under a mobile host and tracking parameters as one thread', async () => {
    const store = await createStore();
    const notifier = recordingNotifier();
    const mobile = {
      ...contamination,
      id: 'feed:x',
      url: 'https://m.community.example.kr/view.php?no=1024&utm_source=x',
    };
    const source = scriptedSource('board', [async () => [contamination, mobile]]);
    const summary = await runScan(deps(store, [source], notifier, { now: new Date() }));
    expect(summary).toMatchObject({ newThreads: 1, updatedThreads: 1 });
    expect(notifier.sent).toHaveLength(1);
  });

  it('records a failing source with its error and scans the others', async () => {
    const store = await createStore();
    const notifier = recordingNotifier();
    const broken: Source = {
      id: 'broken',
      type: 'scripted',
      fetchPosts: () => Promise.reject(new Error('GET https://x.kr/ failed: connect ECONNREFUSED')),
    };
    const summary = await runScan(
      deps(store, [broken, scriptedSource('board', [async () => [contamination]])], notifier, {
        now: new Date(),
      }),
    );
    expect(summary.sources.find((s) => s.id === 'broken')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/ECONNREFUSED/),
    });
    expect(summary.newThreads).toBe(1);
    expect(await store.getSourceStatus('broken')).toMatchObject({
      ok: false,
      lastError: expect.stringMatching(/ECONNREFUSED/),
    });
    expect(await store.getSourceStatus('board')).toMatchObject({ ok: true, items: 1, matched: 1 });
  });

  it('keeps an undelivered alert pending and delivers it on the next scan', async () => {
    const store = await createStore();
    const notifier = recordingNotifier(1);
    const source = scriptedSource('board', [async () => [contamination]]);
    const first = await runScan(deps(store, [source], notifier, { now: new Date() }));
    expect(first.alertFailures).toBe(1);
    const [stored] = await collect(store);
    expect(stored?.alert?.status).toBe('pending');
    const second = await runScan(deps(store, [source], notifier, { now: new Date() }));
    expect(second.alerts).toHaveLength(1);
    expect(notifier.sent).toHaveLength(1);
    expect((await collect(store))[0]?.alert?.status).toBe('sent');
  });

  it('does not race when two sources carry the same story at once', async () => {
    const store = await createStore();
    const notifier = recordingNotifier();
    const copy = { ...contamination, id: 'other:1', sourceId: 'other' };
    const summary = await runScan(
      deps(
        store,
        [
          scriptedSource('board', [async () => [contamination]]),
          scriptedSource('other', [async () => [copy]]),
        ],
        notifier,
        {
          now: new Date(),
        },
      ),
    );
    expect(summary.newThreads + summary.updatedThreads).toBe(2);
    expect(summary.newThreads).toBe(1);
    expect(notifier.sent).toHaveLength(1);
  });
});

/** The contamination post copied to a café, as reposts are: "[펌]" before the title, a line after the text. */
const cafeCopy = () =>
  post('88', {
    id: 'cafe:88',
    sourceId: 'cafe',
    url: 'https://cafe.example.kr/88',
    title: `[펌] ${contamination.title}`,
    text: `${contamination.text} 퍼왔어요`,
  });

describe('runScan across sites', () => {
  it('links the same story on two sites, so both threads know it has spread', async () => {
    const store = await createStore();
    const notifier = recordingNotifier();
    const copy = cafeCopy();
    const scan = (sources: Source[]) =>
      runScan({ ...deps(store, sources, notifier, { now: new Date() }), stories: index });
    const index = new StoryIndex();
    await scan([scriptedSource('board', [async () => [contamination]])]);
    await scan([scriptedSource('cafe', [async () => [copy, { ...rave, sourceId: 'cafe' }]])]);
    const threads = await collect(store);
    const original = threads.find((t) => t.sourceId === 'board');
    const repost = threads.find((t) => t.sourceId === 'cafe' && t.title.startsWith('[펌]'));
    const other = threads.find((t) => t.title === rave.title);
    expect(original?.sites).toEqual(['board', 'cafe']);
    expect(original?.events.at(-1)).toMatchObject({ type: 'seen', note: 'also on cafe' });
    expect(repost?.sites).toEqual(['cafe', 'board']);
    expect(other?.sites).toEqual(['cafe']);
    expect(assessThread(original as Thread).stage.reasons).toContain('on 2 sites');
  });

  it('keeps a long-followed thread’s timeline bounded when its story turns up on another site', async () => {
    const store = await createStore();
    const notifier = recordingNotifier();
    const index = new StoryIndex();
    const clock = { now: new Date('2026-11-22T00:00:00.000Z') };
    const scan = (sources: Source[]) => runScan({ ...deps(store, sources, notifier, clock), stories: index });
    await scan([scriptedSource('board', [async () => [contamination]])]);
    const [original] = await collect(store);
    for (let i = 0; i < EVENT_OBSERVATIONS_MAX; i += 1) {
      await store.updateThread(original?.id ?? '', (t) =>
        observeThread(t, {
          post: contamination,
          risk: { ...t.risk, level: t.risk.level === 'high' ? 'medium' : 'high' },
          now: new Date(clock.now.getTime() + (i + 1) * 1000).toISOString(),
        }),
      );
    }
    clock.now = new Date('2026-11-22T01:00:00.000Z');
    const copy = cafeCopy();
    await scan([scriptedSource('cafe', [async () => [copy]])]);
    const linked = await store.getThread(original?.id ?? '');
    expect(linked?.sites).toEqual(['board', 'cafe']);
    expect(linked?.events.at(-1)).toMatchObject({ type: 'seen', note: 'also on cafe' });
    expect(linked?.events.map((e) => e.type)).toEqual([
      'alerted',
      ...Array(EVENT_OBSERVATIONS_MAX - 1).fill('rescored'),
      'seen',
    ]);
  });
});

describe('runScan with people acting at the same time', () => {
  it('keeps an acknowledgement that lands while the alert is being delivered', async () => {
    const store = await createStore();
    let click: Promise<unknown> = Promise.resolve();
    const notifier: Notifier = {
      async notify(thread) {
        // Someone clicks Acknowledge the moment the message appears, before the scan records it as sent.
        click = store.updateThread(thread.id, (current) =>
          transition(current, { type: 'acknowledge', by: 'U1' }, 'T'),
        );
      },
    };
    const source = scriptedSource('board', [async () => [contamination]]);
    await runScan(deps(store, [source], notifier, { now: new Date() }));
    await click;
    const [thread] = await collect(store);
    expect(thread?.state).toBe('acknowledged');
    expect(thread?.assignee).toBe('U1');
    expect(thread?.alert?.status).toBe('sent');

    await runScan(deps(store, [source], notifier, { now: new Date() }));
    expect((await collect(store))[0]?.state).toBe('acknowledged');
  });
});

describe('runScan on a board whose newest posts are followed for their body', () => {
  let server: FixtureServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const row = (no: number, title: string, date: string, views: number) =>
    `<tr class="it"><td class="t"><a href="/view?no=${no}">${title}</a></td><td class="d">${date}</td><td class="v">${views}</td></tr>`;
  const RISKY_BODY = '봉지 안에서 벌레가 나왔습니다. 사진 있습니다. 환불해 주세요.';

  /**
   * A board whose post 1 reads harmless by its title and risky by its body; each scan shows the rows the
   * test sets, and a post page answers with `pages` (status 500 when a post is missing from it).
   */
  async function board(follow = 1) {
    const state = {
      rows: [] as string[],
      pages: new Map<string, string>([
        ['1', RISKY_BODY],
        ['2', '맛있어요'],
      ]),
    };
    server = await startFixtureServer({
      '/list': (_req, res) => {
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(`<table>${state.rows.join('')}</table>`);
      },
      '/view': (req, res) => {
        const body = state.pages.get(new URL(req.url ?? '/', 'http://x').searchParams.get('no') ?? '');
        if (body === undefined) res.writeHead(500).end('oops');
        else
          res
            .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
            .end(`<div class="body">${body}</div>`);
      },
    });
    const source = createHtmlBoardSource(
      configFrom({
        watch: { brands: [{ name: '한빛푸드' }] },
        sources: [
          {
            id: 'board',
            type: 'html',
            url: `${server.url}/list`,
            selectors: { item: 'tr.it', title: 'td.t a', date: 'td.d', views: 'td.v' },
            follow: { body: 'div.body', limit: follow },
          },
        ],
      }).sources[0] as never,
    );
    const store = await createStore();
    const clock = { now: new Date('2026-11-22T00:00:00.000Z') };
    const scan = async (rows: string[], minute: number) => {
      state.rows = rows;
      clock.now = new Date(Date.parse('2026-11-22T00:00:00.000Z') + minute * 60_000);
      await runScan({
        ...deps(store, [source], recordingNotifier(), clock),
        http: createTestHttp({ retries: 0 }),
      });
      const [thread] = (await collect(store)).filter((t) => t.url.endsWith('/view?no=1'));
      if (!thread) throw new Error('post 1 is not tracked');
      return thread;
    };
    return { state, store, scan };
  }

  it('keeps a risky post’s risk once newer posts push it out of follow.limit, and still records its counts', async () => {
    const { store, scan } = await board();
    const before = await scan([row(1, '한빛푸드 과자 후기', '2026-11-22 08:00', 10)], 0);
    expect(before.risk.level).toBe('medium');
    expect(before.excerpt).toBe(RISKY_BODY);
    const after = await scan(
      [
        row(2, '한빛푸드 신제품', '2026-11-22 09:00', 5),
        row(1, '한빛푸드 과자 후기', '2026-11-22 08:00', 40),
      ],
      10,
    );
    expect(after.risk).toEqual(before.risk);
    expect(after.excerpt).toBe(RISKY_BODY);
    expect(after.events.map((e) => e.type)).not.toContain('rescored');
    expect(after.metrics.map((m) => m.views)).toEqual([10, 40]);
    expect(after.lastSeenAt).toBe('2026-11-22T00:10:00.000Z');
    await store.close();
  });

  it('keeps following a post that named the brand only in its body once its body is no longer fetched', async () => {
    const { state, store, scan } = await board();
    state.pages.set('1', `한빛푸드 ${RISKY_BODY}`);
    const before = await scan([row(1, '과자 후기', '2026-11-22 08:00', 10)], 0);
    expect(before.risk.level).toBe('medium');
    const after = await scan(
      [row(2, '한빛푸드 신제품', '2026-11-22 09:00', 5), row(1, '과자 후기', '2026-11-22 08:00', 400)],
      10,
    );
    expect(after.metrics.map((m) => m.views)).toEqual([10, 400]);
    expect(after.lastSeenAt).toBe('2026-11-22T00:10:00.000Z');
    expect(after.risk.level).toBe(before.risk.level);
    await store.close();
  });

  it('keeps the stored body when a sighting brings only blank text', async () => {
    const store = await createStore();
    const clock = { now: new Date('2026-11-22T00:00:00.000Z') };
    const first = { ...contamination, title: '한빛푸드 과자 후기' };
    const source = scriptedSource('board', [
      async () => [first],
      async () => [{ ...first, text: ' \n ' }],
      async () => [{ ...first, text: '' }],
    ]);
    const scan = async () => {
      await runScan(deps(store, [source], recordingNotifier(), clock));
      const [thread] = await collect(store);
      return thread;
    };
    const before = await scan();
    await scan();
    const after = await scan();
    expect(after?.excerpt).toBe(contamination.text);
    expect(after?.risk).toEqual(before?.risk);
    await store.close();
  });

  it('keeps a risky post’s risk when its page fails to load', async () => {
    const { state, store, scan } = await board();
    const before = await scan([row(1, '한빛푸드 과자 후기', '2026-11-22 08:00', 10)], 0);
    state.pages.delete('1');
    const after = await scan([row(1, '한빛푸드 과자 후기', '2026-11-22 08:00', 10)], 10);
    expect(after.risk).toEqual(before.risk);
    expect(after.events.map((e) => e.type)).not.toContain('rescored');
    await store.close();
  });

  it('never lowers the risk of a long post whose risky words come after its stored excerpt', async () => {
    const { state, store, scan } = await board();
    state.pages.set('1', `${'주말에 가족과 함께 공원에 다녀왔어요. '.repeat(30)}${RISKY_BODY}`);
    const before = await scan([row(1, '한빛푸드 과자 후기', '2026-11-22 08:00', 10)], 0);
    expect(before.risk.level).toBe('medium');
    expect(before.excerpt).not.toContain('벌레');
    const after = await scan(
      [
        row(2, '한빛푸드 신제품', '2026-11-22 09:00', 5),
        row(1, '한빛푸드 과자 후기', '2026-11-22 08:00', 10),
      ],
      10,
    );
    expect(after.risk).toEqual(before.risk);
    await store.close();
  });

  it('raises the risk of a post no longer followed when its counts take off, scoring its stored body', async () => {
    const { store, scan } = await board();
    const before = await scan([row(1, '한빛푸드 과자 후기', '2026-11-22 08:00', 10)], 0);
    const after = await scan(
      [
        row(2, '한빛푸드 신제품', '2026-11-22 09:00', 5),
        row(1, '한빛푸드 과자 후기', '2026-11-22 08:00', 90_000),
      ],
      10,
    );
    expect(after.risk.score).toBeGreaterThan(before.risk.score);
    expect(after.risk.category).toBe(before.risk.category);
    expect(after.risk.reasons).toEqual(
      expect.arrayContaining([...before.risk.reasons, expect.stringMatching(/^engagement: 90,000 views/)]),
    );
    await store.close();
  });
});

async function collect(store: Store): Promise<Thread[]> {
  const out: Thread[] = [];
  for await (const t of store.threads()) out.push(t);
  return out;
}
