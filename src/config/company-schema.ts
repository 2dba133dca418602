import { z } from 'zod';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** Where a customer can send personal details privately; the reply offers the first of kakao, email, phone, url. */
export const privateContactSchema = z.strictObject({
  email: z.email('must be an email address such as care@example.com').optional(),
  phone: nonEmpty.optional(),
  /** KakaoTalk channel, e.g. "@hanbitfoods". */
  kakao: nonEmpty.optional(),
  /** A support form or chat page. */
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
});

/** Who the company is and how it speaks in public replies (the Draft apology voice). */
export const companySchema = z.strictObject({
  /** The name replies are signed with; defaults to the first watched brand. */
  name: nonEmpty,
  /** The team that signs, e.g. "고객경험팀" or "Customer Care". */
  team: nonEmpty.optional(),
  /** A whole sign-off with a person's name, e.g. "한빛푸드 고객경험팀 김하늘 드림"; replaces name + team. */
  signature: nonEmpty.optional(),
  contact: privateContactSchema.optional(),
  /** Korean speech level: `formal` is 합쇼체 (-습니다), `polite` is 해요체 (-해요). */
  formality: z.enum(['formal', 'polite']).default('formal'),
});

/**
 * An OpenAI-compatible chat endpoint that may personalise drafts within the template's structure.
 * The key comes from the environment (BULSSI_MODEL_API_KEY), never from the file.
 */
export const draftModelSchema = z.strictObject({
  /** Base URL of the API, e.g. "https://api.openai.com/v1"; `/chat/completions` is appended. */
  baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  model: nonEmpty,
  /** Longest wait for an answer before the template draft is used, ms. */
  timeoutMs: z.int().min(500).max(60_000).default(8_000),
});

export const draftsSchema = z.strictObject({ model: draftModelSchema.optional() });
