import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AddressPolicy } from '../../src/http/address-guard.js';
import { classifyAddress } from '../../src/http/address-ranges.js';
import { type Bulssi, createBulssi } from '../../src/main.js';
import type { SlackApp } from '../../src/slack/app.js';
import { createStore } from '../../src/store/keyv-store.js';
import type { Store } from '../../src/store/store.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { type FixtureServer, respond, startFixtureServer } from '../helpers/fixture-server.js';
import {
  CHANNEL,
  postToSlackApp,
  silentLogger,
  slackConfig,
  slackModeEnv,
  slashCommand,
  startSlackApp,
} from '../helpers/slack-fixtures.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>news</title>
<item><title>한빛푸드 과자에서 벌레가 나왔어요</title><link>https://news.example/1</link><description>오늘 산 한빛푸드 과자에서 벌레가 나왔습니다. 사진 있습니다.</description></item>
</channel></rss>`;

let fake: FakeSlack;
let feeds: FixtureServer;
let bulssi: Bulssi | undefined;
let slack: SlackApp | undefined;
let store: Store | undefined;
let replies = 0;

beforeEach(async () => {
  fake = await startFakeSlack();
  fake.members.set(CHANNEL, ['U1', 'UBOT']);
  feeds = await startFixtureServer({
    '/rss': respond(200, RSS, { 'content-type': 'application/rss+xml' }),
    '/news': respond(200, '<!doctype html><html><body><a href="/rss">RSS</a></body></html>', {
      'content-type': 'text/html; charset=utf-8',
    }),
    '/broken': respond(200, '<rss><channel><item><title>a</item></rss', {
      'content-type': 'application/rss+xml',
    }),
  });
  replies = 0;
});
afterEach(async () => {
  await bulssi?.close();
  await slack?.stop();
  await store?.close();
  bulssi = undefined;
  slack = undefined;
  store = undefined;
  await fake.close();
  await feeds.close();
});

/** Bulssi in Slack mode on a config file with one (unreachable) configured feed. */
async function startBulssi(allowPrivateNetworks: boolean): Promise<{ bulssi: Bulssi; port: number }> {
  const cwd = mkdtempSync(join(tmpdir(), 'bulssi-sources-'));
  writeFileSync(
    join(cwd, 'bulssi.yaml'),
    [
      'watch:',
      '  brands: [{ name: 한빛푸드 }]',
      'sources:',
      '  - { id: board, name: 자유게시판, type: feed, url: "http://127.0.0.1:9/feed.xml" }',
      `http: { perHostIntervalMs: 0, retries: 0, timeoutMs: 2000, allowPrivateNetworks: ${allowPrivateNetworks} }`,
      'store: { path: ./data/bulssi.sqlite }',
      '',
    ].join('\n'),
  );
  bulssi = await createBulssi({
    env: slackModeEnv(fake, { PORT: '0' }),
    cwd,
    logger: silentLogger,
    slackOptions: { botId: 'BBOT', botUserId: 'UBOT', clientOptions: { retryConfig: { retries: 0 } } },
  });
  const { port } = (await bulssi.slack?.start()) ?? {};
  return { bulssi, port: port ?? 0 };
}

/** Sends `/crisis <text>` as `user` and resolves to the private reply's text. */
async function crisis(port: number, text: string, user = 'U1'): Promise<string> {
  await postToSlackApp(port, slashCommand(text, user, `${fake.url}/response/1`));
  replies += 1;
  const all = await fake.waitFor('response_url', replies);
  const reply = all[replies - 1]?.args;
  return `${String(reply?.text)} ${JSON.stringify(reply?.blocks ?? [])}`;
}

describe('/crisis source add|remove', () => {
  it('adds a feed that the next scan fetches as untrusted, lists it, and removes it', async () => {
    const { bulssi, port } = await startBulssi(true);
    const added = await crisis(port, `source add ${feeds.url}/rss 뉴스 속보`);
    const [source] = await bulssi.store.getCustomSources();
    expect(source).toMatchObject({ url: `${feeds.url}/rss`, name: '뉴스 속보', addedBy: 'U1' });
    expect(source?.id).toMatch(/^slack-[0-9a-f]{6}$/);
    expect(added).toContain(`피드 \`${source?.id}\``);
    expect(added).toContain('지금 글 1개');
    // Read once when added, without keeping validators: the first scan still parses the whole feed.
    expect(feeds.requests.filter((r) => r.path === '/rss')).toHaveLength(1);

    const summary = await bulssi.scan();
    const run = summary.sources.find((r) => r.id === source?.id);
    expect(run).toMatchObject({ ok: true, items: 1, matched: 1 });
    expect(feeds.requests.map((r) => r.path)).toContain('/rss');
    expect(summary.alerts).toHaveLength(1);
    expect(
      fake.callsTo('chat.postMessage').some((c) => JSON.stringify(c.args.blocks).includes('뉴스 속보')),
    ).toBe(true);

    const listed = await crisis(port, 'sources');
    expect(listed).toContain('Slack에서 추가한 피드');
    expect(listed).toContain(`\`${source?.id}\` *뉴스 속보*`);
    expect(listed).toContain('<@U1>');

    expect(await crisis(port, 'source add http://127.0.0.1:9/feed.xml')).toContain('이미 수집 중인 피드');
    expect(await crisis(port, 'source remove board')).toContain('설정 파일(`sources`)');
    expect(await crisis(port, `source remove ${source?.id}`)).toContain('삭제했습니다');
    expect(await bulssi.store.getCustomSources()).toEqual([]);
    const before = feeds.requests.length;
    const next = await bulssi.scan();
    expect(next.sources.map((r) => r.id)).toEqual(['board']);
    expect(feeds.requests).toHaveLength(before);
  });

  it.each([
    ['a loopback IP', () => `${feeds.url}/rss`, '루프백 주소(127.0.0.1)'],
    ['a name that resolves to loopback', () => `http://localhost:${new URL(feeds.url).port}/rss`, '루프백'],
    ['a link-local IP (cloud metadata)', () => 'http://169.254.169.254/latest/meta-data/', '링크 로컬'],
    ['a private IP', () => 'http://10.0.0.8/rss', '사설망'],
    ['a URL that is not http(s)', () => 'file:///etc/passwd', 'http(s) 피드만'],
    ['text that is not a URL', () => 'news-feed', 'URL이 아닙니다'],
  ])('refuses %s with a clear reply and stores nothing', async (_name, url, reason) => {
    const { bulssi, port } = await startBulssi(false);
    const reply = await crisis(port, `source add ${url()}`);
    expect(reply).toContain(reason);
    expect(await bulssi.store.getCustomSources()).toEqual([]);
    expect(feeds.requests).toHaveLength(0);
  });

  it.each([
    ['a web page', '/news', /피드로 읽을 수 없어 추가하지 않았습니다: .*not an RSS, Atom, RDF or JSON feed/],
    ['a 404', '/gone', /피드로 읽을 수 없어 추가하지 않았습니다: .*404/],
    ['broken XML', '/broken', /피드로 읽을 수 없어 추가하지 않았습니다: .*malformed/],
  ])('reads the feed once before adding it, and refuses %s saying why', async (_name, path, reason) => {
    const { bulssi, port } = await startBulssi(true);
    const reply = await crisis(port, `source add ${feeds.url}${path}`);
    expect(reply).toMatch(reason);
    expect(reply).toContain('RSS나 Atom 피드 자체의 주소');
    expect(await bulssi.store.getCustomSources()).toEqual([]);
    expect(feeds.requests.map((r) => r.path)).toEqual([path]);
  });

  it('refuses people who may not act, and answers a bare `source` with its usage', async () => {
    const { bulssi, port } = await startBulssi(true);
    expect(await crisis(port, `source add ${feeds.url}/rss`, 'UOUTSIDER')).toContain('멤버');
    expect(await bulssi.store.getCustomSources()).toEqual([]);
    expect(await crisis(port, 'source')).toContain('/crisis source add <피드 URL> [이름]');
  });

  it('still fetches a stored feed through the address guard when private networks are not allowed', async () => {
    // Added while the config allowed private networks; the config no longer does.
    const { bulssi } = await startBulssi(false);
    await bulssi.store.putCustomSources([
      { id: 'slack-abc123', url: `${feeds.url}/rss`, addedBy: 'U1', addedAt: '2026-11-22T00:00:00.000Z' },
    ]);
    const summary = await bulssi.scan();
    const run = summary.sources.find((r) => r.id === 'slack-abc123');
    expect(run).toMatchObject({ ok: false, items: 0 });
    expect(run?.error).toMatch(/loopback address/);
    expect(feeds.requests).toHaveLength(0);
  });
});

describe('/crisis source add with DNS checked', () => {
  const PUBLIC = '93.184.215.14';
  const policy: AddressPolicy = {
    resolveAll: async (hostname) => {
      const address = { 'news.example': PUBLIC, 'intranet.example': '192.168.0.10' }[hostname];
      if (!address)
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      return [{ address, family: 4 }];
    },
    classify: classifyAddress,
  };

  async function startApp(): Promise<number> {
    store = await createStore();
    let port: number;
    ({ slack, port } = await startSlackApp(fake, {
      config: slackConfig({ locale: 'en' }),
      store,
      addressPolicy: policy,
    }));
    return port;
  }

  it('accepts a host that resolves to a public address, in Slack’s link markup too', async () => {
    const port = await startApp();
    const reply = await crisis(port, 'source add <https://news.example/rss?x=1|news.example/rss> Daily News');
    expect(reply).toContain('Added feed');
    expect(await store?.getCustomSources()).toMatchObject([
      { url: 'https://news.example/rss?x=1', name: 'Daily News', addedBy: 'U1' },
    ]);
  });

  it('refuses a host that resolves to a private address, and one that does not resolve', async () => {
    const port = await startApp();
    expect(await crisis(port, 'source add https://intranet.example/rss')).toContain(
      'points at a private address (192.168.0.10)',
    );
    expect(await crisis(port, 'source add https://nowhere.example/rss')).toContain('could not be resolved');
    expect(await store?.getCustomSources()).toEqual([]);
  });
});
