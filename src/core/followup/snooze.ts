import { recordEvent } from '../thread.js';
import type { Thread } from '../thread-schema.js';
import { localTimeOn } from './local-time.js';

/** The choices on a reminder's Snooze buttons. */
export const SNOOZE_CHOICES = ['30m', '2h', 'tomorrow'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

export function isSnoozeChoice(value: string): value is SnoozeChoice {
  return (SNOOZE_CHOICES as readonly string[]).includes(value);
}

/**
 * When a snooze picked at `now` (ms since epoch) ends: 30 minutes or 2 hours later, or `morning` (HH:MM)
 * on the next local day in `timeZone`.
 */
export function snoozeEnd(choice: SnoozeChoice, now: number, timeZone: string, morning = '09:00'): number {
  if (choice === '30m') return now + 30 * 60_000;
  if (choice === '2h') return now + 2 * 3_600_000;
  return localTimeOn(now, 1, morning, timeZone);
}

/** Pauses the thread's reminders and escalations until `until` (ISO 8601); recorded as a `snoozed` event. */
export function snoozeThread(thread: Thread, input: { by: string; until: string; now: string }): Thread {
  return recordEvent(thread, { at: input.now, type: 'snoozed', by: input.by, note: input.until });
}
