import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FixtureServer, startFixtureServer } from './fixture-server.js';

const ETAG = '"feed-v1"';

/** An RSS board with `risky` insect-in-snack reports (alerts at medium) and `calm` reviews, about 한빛푸드. */
export function boardFeedXml(risky: number, calm: number): string {
  const items = [
    ...Array.from({ length: risky }, (_, i) => ({
      title: `한빛푸드 과자에서 벌레가 나왔어요 (${i + 1}번째 제보)`,
      text: `오늘 산 한빛푸드 과자 ${i + 1}봉지째에서 벌레가 나왔습니다. 사진 있습니다. 환불해 주세요.`,
      link: `https://board.example/r/${i + 1}`,
    })),
    ...Array.from({ length: calm }, (_, i) => ({
      title: `한빛푸드 신제품 후기 ${i + 1}`,
      text: '맛있게 잘 먹었습니다. 포장도 깔끔해요.',
      link: `https://board.example/c/${i + 1}`,
    })),
  ]
    .map(
      (item) =>
        `<item><title>${item.title}</title><link>${item.link}</link><description>${item.text}</description><pubDate>Sun, 22 Nov 2026 01:00:00 GMT</pubDate></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>board</title>\n${items}\n</channel></rss>`;
}

/** Serves the board at /feed.xml, answering conditional GETs with 304 as real feeds do. */
export function startBoardFeed(risky: number, calm: number): Promise<FixtureServer> {
  const body = boardFeedXml(risky, calm);
  return startFixtureServer({
    '/feed.xml': (req, res) => {
      if (req.headers['if-none-match'] === ETAG) {
        res.writeHead(304, { etag: ETAG }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: ETAG }).end(body);
    },
  });
}

/** A fresh working directory whose bulssi.yaml watches 한빛푸드 on the board at `feedUrl`, unpaced. */
export function boardWorkspace(feedUrl: string, prefix = 'bulssi-crash-'): string {
  const cwd = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(
    join(cwd, 'bulssi.yaml'),
    [
      'watch:',
      '  brands: [{ name: 한빛푸드 }]',
      'sources:',
      `  - { id: board, type: feed, url: "${feedUrl}" }`,
      'alert: { threshold: medium }',
      'http: { perHostIntervalMs: 0, retries: 0, respectRobots: false }',
      'store: { path: ./data/bulssi.sqlite }',
      '',
    ].join('\n'),
  );
  return cwd;
}
