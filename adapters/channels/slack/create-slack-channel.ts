import { App } from "@slack/bolt";
import { type Clock, createKeyedQueue, systemClock } from "../../../bot/index.js";
import type { KnowledgeSource } from "../../../knowledge/index.js";
import type { ChannelDeps } from "../../http/channel-deps.js";
import type { ChannelMount } from "../../http/create-http-app.js";
import { createTurnRunner } from "../shared/run-turn.js";
import { createBotIdentity, errorSummary } from "./bot-identity.js";
import { createCitationCache } from "./citation-cache.js";
import { createDmChannels } from "./dm-channels.js";
import type { SlackHandlerDeps } from "./handler-deps.js";
import { registerAppHome } from "./handlers/app-home.js";
import { registerBlockActions } from "./handlers/block-actions.js";
import { registerMessageEvents } from "./handlers/message-events.js";
import { registerSlashCommand } from "./handlers/slash-command.js";
import { registerViewSubmission } from "./handlers/view-submission.js";
import { createItemCards } from "./item-cards.js";
import { createHttpReceiver, createSocketReceiver, SLACK_EVENTS_PATH } from "./receivers.js";
import { slackSettings } from "./settings.js";
import { toSlackLogger } from "./slack-logger.js";
import { createPoster } from "./slack-poster.js";
import { keepSocketConnected } from "./socket-connection.js";
import { clientOptions, createWebClient, type WebClientOptions } from "./web-client.js";
import { createWorkQueue } from "./work-queue.js";

export interface SlackChannelDeps extends ChannelDeps {
  /** Lets "閱讀全文" show a clause this process has not quoted yet (e.g. after a restart). */
  knowledge?: KnowledgeSource;
  /** Web API retry and timeout settings (tests shorten them). */
  webClient?: WebClientOptions;
  /** Engine turns run at once after acknowledgements (default 4). */
  concurrency?: number;
  /** The time shown on the Home tab ("updated …"). */
  clock?: Clock;
}

/** Longest wait for queued work when the server stops. */
const DRAIN_MS = 10_000;

/**
 * The Slack channel: a Bolt app whose HTTP receiver is mounted on the shared express app at
 * /slack/events, or a Socket Mode connection when SLACK_APP_TOKEN is set. Undefined (and
 * logged) when no Slack variable is set. Nothing here calls Slack at start-up: the bot
 * token is given through `authorize`, the bot's own id is learned later.
 */
export function createSlackChannel(deps: SlackChannelDeps): ChannelMount | undefined {
  const log = deps.logger.child({ channel: "slack" });
  const settings = slackSettings(deps.config.env);
  if (!settings) {
    log.info({}, "Slack is off: set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode) to turn it on");
    return undefined;
  }
  const slackLogger = toSlackLogger(log);
  const client = createWebClient(settings, slackLogger, log, deps.webClient);
  const identity = createBotIdentity(client, log);
  const rt: SlackHandlerDeps = {
    engine: deps.engine,
    client,
    poster: createPoster(client, log),
    logger: log,
    identity,
    dms: createDmChannels(client),
    cards: createItemCards(),
    citations: createCitationCache(deps.knowledge),
    queue: createWorkQueue(deps.concurrency),
    serial: createKeyedQueue(),
    runTurn: createTurnRunner({ engine: deps.engine, timeoutMs: deps.config.env.TURN_TIMEOUT_MS, redeliverAfterMs: deps.config.env.REDELIVER_AFTER_MS }),
    clock: deps.clock ?? systemClock,
  };

  const http = settings.mode === "http" ? createHttpReceiver(settings, slackLogger, log) : undefined;
  const socket = http ? undefined : createSocketReceiver(settings, slackLogger, deps.webClient);
  const app = new App({
    receiver: http?.receiver ?? socket,
    // No token option: with one, Bolt calls auth.test while constructing and crashes offline.
    authorize: async () => ({ botToken: settings.botToken, ...identity.current() }),
    logger: slackLogger,
    clientOptions: clientOptions(settings, slackLogger, deps.webClient),
  });
  registerMessageEvents(app, rt);
  registerAppHome(app, rt);
  registerSlashCommand(app, rt);
  registerBlockActions(app, rt);
  registerViewSubmission(app, rt);
  app.error(async (error) => {
    log.error({ error: errorSummary(error) }, "slack listener error");
  });

  let connection: ReturnType<typeof keepSocketConnected> | undefined;
  log.info({ mode: settings.mode, apiUrl: settings.apiUrl, path: http ? SLACK_EVENTS_PATH : undefined }, "Slack is on");
  return {
    name: "slack",
    auth:
      settings.mode === "http"
        ? "HTTP events: every request's v0 signature (SLACK_SIGNING_SECRET) and timestamp verified"
        : "Socket Mode: an outbound connection authenticated with SLACK_APP_TOKEN",
    mount(express) {
      if (http) express.use(http.router);
    },
    async start() {
      void identity.refresh();
      if (socket)
        connection = keepSocketConnected(
          () => app.start(),
          () => app.stop(),
          log,
        );
    },
    async stop() {
      await connection?.close();
      await Promise.race([rt.queue.idle(), new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref())]);
    },
  };
}
