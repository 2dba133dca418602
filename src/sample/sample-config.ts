import type { ConfigInput } from '../config/schema.js';

/** Secrets the sample Naver endpoint accepts; used only when the real ones are not set. */
export const SAMPLE_ENV = { NAVER_CLIENT_ID: 'bulssi-sample', NAVER_CLIENT_SECRET: 'bulssi-sample' } as const;

/**
 * The embedded default: watch the fictional 한빛푸드 (Hanbit Foods) on the bundled sample internet served at `baseUrl`.
 * Mirrors bulssi.example.yaml so what a newcomer sees is what a real config does.
 */
export function sampleConfig(baseUrl: string, storePath = './data/sample.sqlite'): ConfigInput {
  return {
    company: {
      name: '한빛푸드',
      team: '고객경험팀',
      contact: { kakao: '@hanbitfoods' },
      formality: 'formal',
    },
    watch: {
      brands: [
        {
          name: '한빛푸드',
          aliases: ['Hanbit Foods', 'HanbitFoods'],
          misspellings: ['한빗푸드', '한빛후드'],
        },
      ],
      exclude: ['한빛푸드뱅크'],
    },
    sources: [
      {
        id: 'sample-board',
        name: '한빛마을 자유게시판 (sample)',
        type: 'html',
        url: `${baseUrl}/board/list.php`,
        selectors: {
          item: 'table.board-list tr.item',
          title: 'td.subject a',
          author: 'td.writer',
          date: 'td.date',
          views: 'td.hit',
          comments: 'td.subject .cmt',
          likes: 'td.recommend',
        },
        follow: {
          body: '.post-body',
          views: '.view-head .hit',
          comments: '.view-head .cmt-count',
          limit: 20,
        },
      },
      {
        id: 'sample-news',
        name: 'Hanbit Daily RSS (sample)',
        type: 'feed',
        url: `${baseUrl}/feeds/news.xml`,
        media: true,
      },
      {
        id: 'sample-naver',
        name: 'Naver Search (sample)',
        type: 'naver',
        kinds: ['blog', 'cafearticle', 'news'],
        baseUrl: `${baseUrl}/naver/v1/search`,
      },
      { id: 'sample-hn', name: 'Hacker News search (sample)', type: 'hn', baseUrl: `${baseUrl}/hn/api/v1` },
    ],
    alert: { threshold: 'medium' },
    schedule: { scan: '*/2 * * * *', timezone: 'Asia/Seoul' },
    http: { perHostIntervalMs: 0, perHostConcurrency: 4 },
    store: { path: storePath },
  };
}
