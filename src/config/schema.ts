import { z } from 'zod';
import { companySchema, draftsSchema } from './company-schema.js';
import { followupSchema } from './followup-schema.js';

/** Risk levels in ascending order; an alert fires at or above the configured threshold. */
export const LEVELS = ['none', 'low', 'medium', 'high', 'critical'] as const;
export const levelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof levelSchema>;

/** Crisis categories the scorer assigns; `other` is a negative post that fits none of them. */
export const CATEGORIES = [
  'contamination',
  'safety',
  'data_breach',
  'outage',
  'rude_service',
  'false_advertising',
  'refund_billing',
  'legal',
  'boycott',
  'astroturfing',
  'discrimination',
  'defect',
  'delivery',
  'other',
  'none',
] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const sourceId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,63}$/,
    'use lowercase letters, digits, "-" and "_" (at most 64), e.g. "naver-news"',
  );
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const brandSchema = z.strictObject({
  /** The name as the company writes it, e.g. 한빛푸드. */
  name: nonEmpty,
  /** Other names people use: English name, product names, short forms. */
  aliases: z.array(nonEmpty).default([]),
  /** Common misspellings; matched like aliases but never used as search queries. */
  misspellings: z.array(nonEmpty).default([]),
});

export const watchSchema = z.strictObject({
  brands: z.array(brandSchema).min(1, 'list at least one brand to watch'),
  /** A post containing any of these is not about us (another company with a similar name, a place name, ...). */
  exclude: z.array(nonEmpty).default([]),
});

/** Whether this runtime knows `zone` as a time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name, e.g. "Asia/Seoul". */
const timeZoneSchema = nonEmpty.refine(isTimeZone, {
  error: (issue) => `"${String(issue.input)}" is not an IANA time zone (e.g. "Asia/Seoul")`,
});

const sourceBase = {
  id: sourceId,
  name: nonEmpty.optional(),
  enabled: z.boolean().default(true),
  /** A news outlet: its posts count as media pickup (spread stage 4). Naver news results always do. */
  media: z.boolean().default(false),
  /**
   * IANA time zone of dates the source prints without one ("2026-12-07 09:00") and of the days "오늘",
   * "어제" and "14:05" fall on. Feeds and boards default to `schedule.timezone`; Naver results are dated in
   * Korea and Hacker News in UTC unless this says otherwise.
   */
  timezone: timeZoneSchema.optional(),
};

export const feedSourceSchema = z.strictObject({
  ...sourceBase,
  type: z.literal('feed'),
  url: httpUrl,
});

const selector = nonEmpty;
export const htmlSourceSchema = z.strictObject({
  ...sourceBase,
  type: z.literal('html'),
  url: httpUrl,
  /** Force a charset when the page lies about it (e.g. "euc-kr"); otherwise header → BOM → <meta> → UTF-8. */
  encoding: nonEmpty.optional(),
  selectors: z.strictObject({
    item: selector,
    title: selector,
    /** Element whose href is the post link; defaults to the title element or its closest <a>. */
    link: selector.optional(),
    author: selector.optional(),
    date: selector.optional(),
    views: selector.optional(),
    comments: selector.optional(),
    likes: selector.optional(),
  }),
  /** Fetch each post page for its body and counts. */
  follow: z
    .strictObject({
      body: selector,
      views: selector.optional(),
      comments: selector.optional(),
      likes: selector.optional(),
      /** At most this many post pages per scan, newest first. */
      limit: z.int().min(1).max(200).default(20),
    })
    .optional(),
});

export const NAVER_KINDS = ['blog', 'cafearticle', 'news', 'kin'] as const;
export const naverSourceSchema = z.strictObject({
  ...sourceBase,
  type: z.literal('naver'),
  kinds: z.array(z.enum(NAVER_KINDS)).min(1).default(['blog', 'cafearticle', 'news']),
  /** openapi.naver.com by default; point at the NAVER API HUB host or a test server. */
  baseUrl: httpUrl.default('https://openapi.naver.com/v1/search'),
  /** `openapi`: X-Naver-Client-Id/Secret; `apihub`: X-NCP-APIGW-API-KEY-ID/KEY. Keys come from NAVER_CLIENT_ID / NAVER_CLIENT_SECRET. */
  auth: z.enum(['openapi', 'apihub']).default('openapi'),
  /** Results per request (Naver allows 100). */
  display: z.int().min(1).max(100).default(30),
  /**
   * At most this many requests (pages of `display`) per kind × query and scan, read only while a burst since
   * the previous scan fills them; Naver serves no result past the 1,000th.
   */
  maxPages: z.int().min(1).max(100).default(10),
});

export const hnSourceSchema = z.strictObject({
  ...sourceBase,
  type: z.literal('hn'),
  baseUrl: httpUrl.default('https://hn.algolia.com/api/v1'),
  hitsPerPage: z.int().min(1).max(100).default(30),
});

export const sourceSchema = z.discriminatedUnion('type', [
  feedSourceSchema,
  htmlSourceSchema,
  naverSourceSchema,
  hnSourceSchema,
]);
export type SourceConfig = z.infer<typeof sourceSchema>;
export type FeedSourceConfig = z.infer<typeof feedSourceSchema>;
export type HtmlSourceConfig = z.infer<typeof htmlSourceSchema>;
export type NaverSourceConfig = z.infer<typeof naverSourceSchema>;
export type HnSourceConfig = z.infer<typeof hnSourceSchema>;

export const httpSchema = z.strictObject({
  /** Per request, ms. */
  timeoutMs: z.int().min(100).max(120_000).default(15_000),
  /** Responses larger than this are cut off with an error, bytes. */
  maxBodyBytes: z
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  /** Extra attempts on network errors, 429 and 5xx. */
  retries: z.int().min(0).max(10).default(2),
  /** Longest Retry-After we wait for before giving up on a request, ms. */
  maxRetryAfterMs: z.int().min(0).max(600_000).default(60_000),
  perHostConcurrency: z.int().min(1).max(32).default(2),
  /** Minimum gap between two requests to the same host, ms. */
  perHostIntervalMs: z.int().min(0).max(60_000).default(500),
  respectRobots: z.boolean().default(true),
  /**
   * Let sources added from outside the config file (e.g. from Slack) reach private, loopback, link-local
   * and other non-public addresses. Sources written in the config file are never restricted.
   */
  allowPrivateNetworks: z.boolean().default(false),
  userAgent: nonEmpty.optional(),
});

export const scheduleSchema = z.strictObject({
  /** node-cron expression for scans. */
  scan: nonEmpty.default('*/10 * * * *'),
  timezone: nonEmpty.default('Asia/Seoul'),
});

/** A company's own crisis term, or a new weight for a built-in one (same lang and label replaces it). */
export const riskTermSchema = z.strictObject({
  category: categorySchema.exclude(['none']),
  lang: z.enum(['ko', 'en']),
  /** What reasons call it; with the label of a built-in term, this entry replaces that term. */
  label: nonEmpty,
  /** Regular expression (no capturing groups); defaults to the label. */
  pattern: nonEmpty.optional(),
  /** Points on its own, before diminishing returns. */
  weight: z.int().min(1).max(100),
  /** Ignored in game, film and show talk. */
  literalOnly: z.boolean().optional(),
});
export type RiskTermConfig = z.infer<typeof riskTermSchema>;

export const configSchema = z.strictObject({
  /** The company's name and public voice for draft replies. */
  company: companySchema.optional(),
  /** Draft apologies: an optional model that personalises the template drafts. */
  drafts: draftsSchema.prefault({}),
  watch: watchSchema,
  sources: z.array(sourceSchema).min(1, 'list at least one source'),
  alert: z.strictObject({ threshold: levelSchema.default('medium') }).prefault({}),
  /** Per-company tuning of the risk score. */
  risk: z.strictObject({ terms: z.array(riskTermSchema).default([]) }).prefault({}),
  schedule: scheduleSchema.prefault({}),
  http: httpSchema.prefault({}),
  store: z.strictObject({ path: nonEmpty.default('./data/bulssi.sqlite') }).prefault({}),
  /** Language of every Slack message, button, modal and command reply; scraped text is shown as written. */
  locale: z.enum(['ko', 'en']).default('ko'),
  slack: z
    .strictObject({
      /** Channel id (C…) alerts go to; BULSSI_CHANNEL overrides. */
      channel: nonEmpty.optional(),
      /** When set, only members of this user group (S…) may act on alerts; otherwise members of the alert channel. */
      allowedUsergroup: nonEmpty.optional(),
    })
    .prefault({}),
  /** Who to pull in per category; Slack user ids (U…) or user group ids (S…). */
  escalation: z
    .strictObject({
      default: z.array(nonEmpty).default([]),
      byCategory: z.partialRecord(categorySchema, z.array(nonEmpty)).default({}),
    })
    .prefault({}),
  /** Deadlines, reminders, the escalation ladder, relapse watch and retention. */
  followup: followupSchema.prefault({}),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
