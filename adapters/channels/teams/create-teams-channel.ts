import express from "express";
import { createKeyedQueue } from "../../../bot/index.js";
import type { ChannelDeps } from "../../http/channel-deps.js";
import type { ChannelMount } from "../../http/create-http-app.js";
import { createTurnRunner } from "../shared/run-turn.js";
import { channelTexts } from "../shared/texts.js";
import { keepEntityProperties } from "./keep-entity-properties.js";
import { createMessagesHandler, jsonBodyErrors } from "./messages-route.js";
import { langOf } from "./payload-to-turn.js";
import { createReportLinks } from "./report-links.js";
import { requestScope } from "./request-scope.js";
import { createTeamsAuth } from "./settings.js";
import { TeamsBot } from "./teams-bot.js";
import { TeamsCloudAdapter } from "./teams-cloud-adapter.js";

/** Bot Framework activities are small; Teams caps a message at about 28 KB. */
const BODY_LIMIT = "512kb";

/**
 * The Microsoft Teams channel: POST /api/messages (a CloudAdapter and an ActivityHandler
 * over the engine) and GET /api/teams/reports/:token (report downloads). Throws
 * CONFIG_INVALID for an unusable configuration, including emulator mode in production.
 */
export function createTeamsChannel(deps: ChannelDeps): ChannelMount {
  const logger = deps.logger.child({ channel: "teams" });
  keepEntityProperties();
  const auth = createTeamsAuth(deps.config.env, logger);
  const adapter = new TeamsCloudAdapter(auth.authentication);
  const reportLinks = createReportLinks({ engine: deps.engine, logger, ...(deps.links ? { store: deps.links } : {}) });
  const bot = new TeamsBot({
    engine: deps.engine,
    reportLinks,
    serial: createKeyedQueue(),
    runTurn: createTurnRunner({ engine: deps.engine, timeoutMs: deps.config.env.TURN_TIMEOUT_MS, redeliverAfterMs: deps.config.env.REDELIVER_AFTER_MS }),
  });
  // The last-resort sink for a failure outside the engine (a rendering bug, the connector refusing a reply).
  adapter.onTurnError = async (context, error) => {
    const scope = requestScope(context);
    scope.logger.error({ err: error.message, stack: error.stack }, "teams turn error");
    if (context.activity.type !== "message") return;
    const text = channelTexts(langOf(context.activity.locale) ?? "zh").failed(scope.requestId);
    await context.sendActivity({ type: "message", text }).catch(() => undefined);
  };
  if (!auth.emulator && !deps.config.env.PUBLIC_BASE_URL) {
    logger.warn({}, "PUBLIC_BASE_URL is not set: report download links use the Host header of each request (http behind a TLS proxy)");
  }
  const handler = createMessagesHandler({
    adapter,
    bot,
    logger,
    emulator: auth.emulator,
    ...(deps.config.env.PUBLIC_BASE_URL ? { publicBaseUrl: deps.config.env.PUBLIC_BASE_URL } : {}),
  });
  return {
    name: "teams",
    auth: auth.emulator
      ? "emulator mode: unauthenticated, loopback peers and service URLs only"
      : `Bot Framework JWT (app id ${deps.config.env.MicrosoftAppId}); replies only to the serviceUrl the token vouches for`,
    mount(app) {
      // JSON parsing on this route only: Slack's route needs the raw body for its signature.
      app.post("/api/messages", express.json({ limit: BODY_LIMIT }), handler, jsonBodyErrors(logger));
      app.get("/api/teams/reports/:token", (req, res) => reportLinks.handle(req, res));
    },
  };
}
