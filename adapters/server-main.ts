import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exitWithError } from "./channels/cli/cli-errors.js";
import { createSlackChannel } from "./channels/slack/index.js";
import { createTeamsChannel, teamsMode } from "./channels/teams/index.js";
import { loadConfig, loadDotEnv } from "./config.js";
import { type ChannelMount, createHttpApp } from "./http/create-http-app.js";
import { createLogger } from "./logger.js";
import { createServices } from "./runtime.js";
import { storeLocation } from "./store/open-store.js";

/**
 * `npm start`: one HTTP server on PORT for every configured channel — Slack at
 * /slack/events, Teams at /api/messages — and GET /healthz.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.env.LOG_LEVEL);
  const services = await createServices(config, { logger, onProgress: (message) => logger.info({}, message) });
  logger.info({ answerLog: storeLocation(config) }, config.env.DATABASE_URL ? "answer log: postgresql (replicas may share it)" : "answer log: sqlite");
  const deps = { config, engine: services.engine, logger, links: services.store };
  const teams = teamsMode(config.env);
  if (teams === "off") {
    logger.info(
      {},
      config.env.TEAMS_ENABLED
        ? "Teams is off: set MicrosoftAppId and MicrosoftAppPassword to turn it on (or TEAMS_EMULATOR=true for the Bot Framework Emulator on this machine)"
        : "Teams is off (TEAMS_ENABLED=false)",
    );
  }
  const channels = [createSlackChannel({ ...deps, knowledge: services.index.kb }), teams === "off" ? undefined : createTeamsChannel(deps)].filter(
    (c): c is ChannelMount => c !== undefined,
  );
  const app = createHttpApp({
    logger,
    channels,
    health: () => ({ index: services.report.status, articles: services.index.manifest.counts.articles, embedding: services.report.embeddingId }),
  });
  const server: Server = await new Promise((done) => {
    const listening = app.listen(config.env.PORT, () => done(listening));
  });
  logger.info(
    { port: (server.address() as AddressInfo).port, channels: Object.fromEntries(channels.map((c) => [c.name, c.auth])) },
    channels.length > 0
      ? `listening; channels on: ${channels.map((c) => `${c.name} (${c.auth})`).join("; ")}`
      : "listening; no chat channel is on (see README: Slack, Microsoft Teams)",
  );
  for (const channel of channels) await channel.start?.();

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    for (const channel of channels) await channel.stop?.();
    server.close();
    await services.store.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch(exitWithError);
