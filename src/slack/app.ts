import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type App, type CustomRoute, HTTPReceiver, LogLevel, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Config } from '../config/schema.js';
import type { AddressPolicy } from '../http/address-guard.js';
import type { Thread } from '../core/thread-schema.js';
import { ConfigError } from '../errors.js';
import { type Logger, redactSecrets } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { instrumentSlackFetch } from '../metrics/slack-fetch.js';
import type { Notifier } from '../notify/notifier.js';
import { OPS_PATHS, type OpsHandler, type OpsPath } from '../ops/ops-routes.js';
import type { ScanSummary } from '../pipeline/scan.js';
import type { Store } from '../store/store.js';
import { createAccessCheck } from './access.js';
import { type AlertMessages, createAlertMessages } from './alert-messages.js';
import type { SlackDeps } from './deps.js';
import { createHomePublisher } from './home.js';
import { type ComposedDraft, composeDraft, composeTemplateDraft } from '../drafting/compose-draft.js';
import { personaliserOf } from '../drafting/model-personaliser.js';
import { subjectOfThread } from '../drafting/thread-subject.js';
import { voiceOf } from '../drafting/voice-of-config.js';
import { stringsFor } from './i18n.js';
import { registerActions } from './listeners/actions/index.js';
import { registerSnooze } from './listeners/actions/snooze.js';
import { followupPolicyFrom, missedDeadline } from '../core/followup/due-actions.js';
import { registerCommands } from './listeners/commands/index.js';
import { registerEvents } from './listeners/events/index.js';
import { registerViews } from './listeners/views/index.js';
import { guardNullBodies } from './null-body-guard.js';
import { GuardedApp } from './payload-guard.js';
import { createSlackNotifier } from './slack-notifier.js';
import { createSlackFollowupNotifier } from './followup-messages.js';
import type { FollowupNotifier } from '../followup/followup-notifier.js';

/** Slack credentials and transport, from the environment. */
export interface SlackSettings {
  botToken: string;
  /** Required in HTTP mode (request signatures); unused in Socket Mode. */
  signingSecret: string | undefined;
  /** xapp- token: Socket Mode instead of an HTTP endpoint. */
  appToken: string | undefined;
  /** Web API base, e.g. https://slack.com/api/ (Enterprise/GovSlack hosts, tests). */
  apiUrl: string | undefined;
  /** HTTP mode port; 0 picks a free one. */
  port: number;
}

/**
 * Reads SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN, SLACK_API_URL and PORT. Undefined without a
 * bot token (local mode); throws ConfigError naming what is missing otherwise. Never echoes secret values.
 */
export function slackSettingsFrom(
  env: Readonly<Record<string, string | undefined>>,
): SlackSettings | undefined {
  const botToken = env.SLACK_BOT_TOKEN?.trim();
  if (!botToken) return undefined;
  const problems: string[] = [];
  if (!botToken.startsWith('xoxb-'))
    problems.push('SLACK_BOT_TOKEN: must be a bot token starting with xoxb- (OAuth & Permissions page)');
  const appToken = env.SLACK_APP_TOKEN?.trim() || undefined;
  if (appToken && !appToken.startsWith('xapp-'))
    problems.push(
      'SLACK_APP_TOKEN: must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write)',
    );
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim() || undefined;
  if (!appToken && !signingSecret)
    problems.push(
      'SLACK_SIGNING_SECRET: required in HTTP mode (Basic Information → Signing Secret); or set SLACK_APP_TOKEN for Socket Mode',
    );
  const port = env.PORT ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT: "${env.PORT}" is not a port number`);
  let apiUrl = env.SLACK_API_URL?.trim() || undefined;
  if (apiUrl) {
    if (!/^https?:\/\//.test(apiUrl))
      problems.push('SLACK_API_URL: must be an http(s) URL such as https://slack.com/api/');
    else if (!apiUrl.endsWith('/')) apiUrl = `${apiUrl}/`;
  }
  if (problems.length > 0) throw new ConfigError(problems, 'the environment');
  return { botToken, signingSecret, appToken, apiUrl, port };
}

export interface CreateSlackAppOptions {
  settings: SlackSettings;
  config: Config;
  store: Store;
  logger: Logger;
  now?: () => Date;
  sourceName?: (sourceId: string) => string;
  scan?: () => Promise<ScanSummary>;
  isScanning?: () => boolean;
  /** Replaces the template drafter; called when Draft apology is clicked and must answer at once. */
  draft?: (thread: Thread) => ComposedDraft;
  /** Replaces the model personaliser (default: the config's drafts.model endpoint, if any). */
  personalise?: (thread: Thread) => Promise<ComposedDraft>;
  /** Known bot ids skip Bolt's auth.test on each request (tests, or when already checked). */
  botId?: string;
  botUserId?: string;
  /** Passed to the Web API client (retryConfig, timeout, rejectRateLimitedCalls). */
  clientOptions?: webApi.WebClientOptions;
  env?: Readonly<Record<string, string | undefined>>;
  /** Every Slack Web API attempt is timed into these (latency, 429s). */
  metrics?: Pick<Metrics, 'observeSlackCall'> | undefined;
  /** HTTP mode: /healthz, /readyz and /metrics served beside /slack/events; only /healthz without them. */
  opsHandlers?: Record<OpsPath, OpsHandler> | undefined;
  /** How feed URLs added from Slack are resolved and classified (tests); DNS and classifyAddress by default. */
  addressPolicy?: AddressPolicy | undefined;
}

export interface SlackApp {
  app: App;
  settings: SlackSettings;
  client: webApi.WebClient;
  messages: AlertMessages;
  /** Replaces the console notifier in Slack mode. */
  notifier: Notifier;
  /** Deadline reminders and escalation steps, in the alert's thread. */
  followup: FollowupNotifier;
  /** Starts listening (HTTP) or connects (Socket Mode); in HTTP mode resolves to the bound port. */
  start(): Promise<{ port: number | undefined }>;
  /** Stops listening; nothing to do when it never started. */
  stop(): Promise<void>;
  /** auth.test once, without retries (for /readyz); throws when Slack is unreachable or refuses the token. */
  ping(): Promise<void>;
}

/** pino behind Bolt's logger interface. */
function boltLogger(logger: Logger, env: Readonly<Record<string, string | undefined>>) {
  const log = logger.child({ component: 'slack' });
  const line = (parts: unknown[]) =>
    redactSecrets(parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' '), env);
  return {
    debug: (...msg: unknown[]) => log.debug(line(msg)),
    info: (...msg: unknown[]) => log.info(line(msg)),
    warn: (...msg: unknown[]) => log.warn(line(msg)),
    error: (...msg: unknown[]) => log.error(line(msg)),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

/**
 * The Slack app: Bolt in HTTP mode (POST /slack/events) or Socket Mode when an app token is set, with
 * the alert buttons, modals, /crisis and App Home registered, and the notifier that posts alerts.
 */
export function createSlackApp(options: CreateSlackAppOptions): SlackApp {
  const { settings, config, store } = options;
  const env = options.env ?? process.env;
  const channel = config.slack.channel;
  if (!channel) {
    throw new ConfigError(
      [
        'slack.channel: set BULSSI_CHANNEL (or slack.channel in the config) to the alert channel id, e.g. C0123456789',
      ],
      'the environment',
    );
  }
  const logger = boltLogger(options.logger, env);
  const now = options.now ?? (() => new Date());
  // The client's default retries span about half an hour, which would hold a scan while Slack is down;
  // a few quick retries, then the alert stays pending and the next scan tries again.
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
    timeout: 15_000,
    ...options.clientOptions,
  };
  if (settings.apiUrl) clientOptions.slackApiUrl = settings.apiUrl;
  if (options.metrics) clientOptions.fetch = instrumentSlackFetch(options.metrics, clientOptions.fetch);
  const common = {
    token: settings.botToken,
    logger,
    clientOptions,
    ...(options.botId ? { botId: options.botId } : {}),
    ...(options.botUserId ? { botUserId: options.botUserId } : {}),
  };

  let receiver: HTTPReceiver | undefined;
  let app: App;
  if (settings.appToken) {
    // Built here rather than by Bolt so apps.connections.open also goes to SLACK_API_URL (GovSlack, tests).
    const socketReceiver = new SocketModeReceiver({
      appToken: settings.appToken,
      logger,
      installerOptions: { clientOptions: settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {} },
    });
    app = new GuardedApp(
      { ...common, receiver: socketReceiver },
      options.logger.child({ component: 'slack' }),
    );
  } else {
    receiver = new HTTPReceiver({
      signingSecret: settings.signingSecret ?? '',
      endpoints: '/slack/events',
      logger,
      // For load balancers and uptime checks; says nothing about Slack itself (that is `bulssi doctor`).
      customRoutes: opsRoutes(options.opsHandlers),
    });
    guardNullBodies(receiver, options.logger.child({ component: 'slack' }));
    app = new GuardedApp({ ...common, receiver }, options.logger.child({ component: 'slack' }));
  }

  const strings = stringsFor(config.locale);
  const voice = voiceOf(config);
  const draftContext = () => ({ voice, now: now(), timeZone: config.schedule.timezone });
  const personaliser = personaliserOf(config.drafts, env);
  const sourceNames = new Map(config.sources.map((s) => [s.id, s.name ?? s.id]));
  const sourceName = options.sourceName ?? ((id: string) => sourceNames.get(id) ?? id);
  const messages = createAlertMessages({
    client: app.client,
    store,
    channel,
    strings,
    sourceName,
    logger: options.logger,
    now,
  });
  const deps: SlackDeps = {
    config,
    store,
    logger: options.logger.child({ component: 'slack' }),
    now,
    strings,
    messages,
    mayAct: createAccessCheck({
      client: app.client,
      channel,
      usergroup: config.slack.allowedUsergroup,
      logger: options.logger,
      now,
    }),
    sourceName,
    home: createHomePublisher({
      isOverdue: (thread, at) =>
        thread.alert?.status === 'sent'
          ? missedDeadline(thread, at.getTime(), followupPolicyFrom(config)) !== undefined
          : undefined,
      client: app.client,
      store,
      strings,
      sourceName,
      logger: options.logger,
      now,
    }),
    draft: options.draft ?? ((thread) => composeTemplateDraft(subjectOfThread(thread), draftContext())),
    personalise:
      options.personalise ??
      (personaliser
        ? (thread) => composeDraft(subjectOfThread(thread), draftContext(), personaliser)
        : undefined),
    scan: options.scan,
    isScanning: options.isScanning,
    addressPolicy: options.addressPolicy,
  };
  registerActions(app, deps);
  registerSnooze(app, deps);
  registerViews(app, deps);
  registerCommands(app, deps);
  registerEvents(app, deps);
  app.error(async (error) => {
    deps.logger.error({ err: error, code: (error as { code?: string }).code }, 'slack listener failed');
  });

  const pingClient = new webApi.WebClient(settings.botToken, {
    ...clientOptions,
    logger,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 5_000,
  });

  let started = false;
  return {
    app,
    settings,
    client: app.client,
    messages,
    notifier: createSlackNotifier(messages),
    followup: createSlackFollowupNotifier({
      channel,
      client: app.client,
      store,
      messages,
      strings,
      logger: options.logger.child({ component: 'followup' }),
      morning: config.followup.morning,
    }),
    async start() {
      if (!receiver) {
        await app.start();
        started = true;
        return { port: undefined };
      }
      const server = (await app.start(settings.port)) as Server;
      started = true;
      return { port: (server.address() as AddressInfo | null)?.port };
    },
    async stop() {
      if (!started) return;
      started = false;
      await app.stop();
    },
    async ping() {
      await pingClient.auth.test();
    },
  };
}

/** Bolt custom routes for the operator endpoints; a bare /healthz when none are given. */
function opsRoutes(handlers: Record<OpsPath, OpsHandler> | undefined): CustomRoute[] {
  if (!handlers) {
    // For load balancers and uptime checks; says nothing about Slack itself (that is /readyz or `bulssi doctor`).
    return [
      {
        path: '/healthz',
        method: ['GET'],
        handler: (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        },
      },
    ];
  }
  return OPS_PATHS.map((path) => ({ path, method: ['GET', 'HEAD'], handler: handlers[path] }));
}
