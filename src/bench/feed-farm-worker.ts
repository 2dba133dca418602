import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Serves `feeds` RSS feeds of `items` items each on 127.0.0.1, in a worker thread so that serving does
 * not compete with the scan being measured on the main thread. Posts the base URL to the parent.
 */
const { feeds, items } = workerData as { feeds: number; items: number };
const phrases = [
  '한빛푸드 바삭칩에서 이물질이 나왔어요. 사진 있습니다.',
  '한빛푸드 케이크 진짜 맛있어요, 재구매 의사 있어요.',
  'Hanbit Foods charged me twice and support never answered.',
  'Hanbit Foods opened a new bakery plant in Busan.',
  '한빛푸드 배송이 빨라서 좋았습니다.',
];

const cache = new Map<number, string>();
function feed(n: number, base: string): string {
  const cached = cache.get(n);
  if (cached) return cached;
  let body = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed ${n}</title><link>${base}/</link><description>bench</description>`;
  for (let i = 0; i < items; i++) {
    const text = `${phrases[(n + i) % phrases.length]} `.repeat(6);
    body += `<item><title>Post ${n}-${i} ${phrases[(n * 7 + i) % phrases.length]}</title><link>${base}/post/${n}/${i}</link><guid>${n}-${i}</guid><description>${text}</description><pubDate>${new Date(Date.UTC(2026, 10, 22, 0, i)).toUTCString()}</pubDate></item>`;
  }
  body += '</channel></rss>';
  cache.set(n, body);
  return body;
}

const server = createServer((req, res) => {
  const match = req.url?.match(/^\/feed\/(\d+)\.xml$/);
  if (!match || Number(match[1]) >= feeds) {
    res.writeHead(404).end();
    return;
  }
  res
    .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' })
    .end(feed(Number(match[1]), base));
});
let base = '';
server.listen(0, '127.0.0.1', () => {
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  parentPort?.postMessage(base);
});
parentPort?.on('message', (message) => {
  if (message === 'close') server.close(() => process.exit(0));
});
