/** Engagement counts as the source reports them; absent when the source does not give one. */
export interface Metrics {
  views?: number | undefined;
  comments?: number | undefined;
  likes?: number | undefined;
  shares?: number | undefined;
}

export type Lang = 'ko' | 'en';

/**
 * One post as every source adapter returns it, whatever the site.
 * `id` is stable for the same post across scans (source id + the site's own id or URL).
 */
export interface Post {
  id: string;
  sourceId: string;
  url: string;
  title: string;
  text: string;
  author?: string;
  /** ISO 8601 */
  publishedAt?: string;
  metrics: Metrics;
  lang?: Lang;
  /** Published by a news outlet: the story has reached the media. */
  media?: boolean;
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/g;
const LATIN = /[A-Za-z]/g;

/** Best guess of a text's language from its script: Korean when Hangul makes up a fair share of the letters. */
export function guessLang(text: string): Lang {
  const hangul = text.match(HANGUL)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  return hangul > 0 && hangul * 3 >= latin ? 'ko' : 'en';
}
