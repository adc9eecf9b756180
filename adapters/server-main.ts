import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exitWithError } from "./channels/cli/cli-errors.js";
import { createSlackChannel } from "./channels/slack/index.js";
import { createTeamsChannel, teamsMode } from "./channels/teams/index.js";
import { loadConfig, loadDotEnv } from "./config.js";
import { type ChannelMount, createHttpApp } from "./http/create-http-app.js";
import { createLogger } from "./logger.js";
import { createServerServices } from "./server-services.js";
import { storeLocation } from "./store/open-store.js";
import { createSyncSchedule } from "./sync/sync-schedule.js";

/**
 * `npm start`: one HTTP server on PORT for every configured channel — Slack at
 * /slack/events, Teams at /api/messages — and GET /healthz.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.env.LOG_LEVEL);
  const services = await createServerServices(config, logger);
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
  const channels = [createSlackChannel({ ...deps, knowledge: services.knowledge }), teams === "off" ? undefined : createTeamsChannel(deps)].filter(
    (c): c is ChannelMount => c !== undefined,
  );
  const app = createHttpApp({
    logger,
    channels,
    health: () => ({ corpusVersion: services.corpusVersion(), ...services.status() }),
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

  // Off unless SYNC_INTERVAL_HOURS is set. The sync runs in a child process; the new corpus is opened here afterwards.
  const schedule = config.env.SYNC_INTERVAL_HOURS
    ? createSyncSchedule({
        intervalHours: config.env.SYNC_INTERVAL_HOURS,
        logger,
        // The new corpus is indexed in a child process too, then swapped in (server-services.ts).
        onSynced: async () => services.refresh(),
      })
    : undefined;
  logger.info(
    {},
    schedule
      ? `scheduled sync every ${config.env.SYNC_INTERVAL_HOURS} h from ${config.env.MOJ_OPEN_DATA_URL}`
      : "scheduled sync is off (set SYNC_INTERVAL_HOURS to turn it on)",
  );

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    schedule?.stop();
    for (const channel of channels) await channel.stop?.();
    server.close();
    await services.stop();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch(exitWithError);
