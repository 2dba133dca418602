import type { Config } from '../config/schema.js';
import type { Voice } from '../core/draft/voice.js';

/** The company voice from the config: `company`, else the first watched brand speaking formally. */
export function voiceOf(config: Pick<Config, 'company' | 'watch'>): Voice {
  const company = config.company;
  const name = company?.name ?? config.watch.brands[0]?.name ?? '';
  return {
    company: name,
    team: company?.team,
    signature: company?.signature,
    contact: company?.contact,
    formality: company?.formality ?? 'formal',
  };
}
