import got from 'got';
import type { DoctorCheck } from '../slack/doctor.js';
import { type ModelSettings, stripAuth } from './model-personaliser.js';

/**
 * `bulssi doctor`'s check of the draft model: one one-token chat completion, so a wrong base URL, model
 * name or key (BULSSI_MODEL_API_KEY) shows before a Draft apology falls back to the template.
 */
export async function checkDraftModel(settings: ModelSettings): Promise<DoctorCheck> {
  const url = `${settings.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const label = 'draft model';
  const fix = 'check drafts.model.baseUrl and drafts.model.model in the config, and BULSSI_MODEL_API_KEY';
  try {
    const response = await got.post(url, {
      json: { model: settings.model, max_tokens: 1, messages: [{ role: 'user', content: 'ping' }] },
      headers: settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {},
      timeout: { request: settings.timeoutMs },
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
    });
    if (response.statusCode === 200)
      return { ok: true, label, detail: `${settings.model} at ${stripAuth(settings.baseUrl)} answers` };
    const why = response.statusCode === 401 || response.statusCode === 403 ? ' (the key was refused)' : '';
    return { ok: false, label, detail: `${stripAuth(url)} answered HTTP ${response.statusCode}${why}`, fix };
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'ERR_NETWORK';
    return { ok: false, label, detail: `${stripAuth(url)} did not answer (${code})`, fix };
  }
}
