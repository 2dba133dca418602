import type { Notifier } from '../notify/notifier.js';
import type { AlertMessages } from './alert-messages.js';

/** The Notifier for Slack mode: one alert message per thread in the alert channel. */
export function createSlackNotifier(messages: AlertMessages): Notifier {
  return {
    async notify(thread) {
      await messages.publish(thread);
    },
  };
}
