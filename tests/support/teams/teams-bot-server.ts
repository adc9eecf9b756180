import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { createTeamsChannel } from "../../../adapters/channels/teams/index.js";
import { loadConfig } from "../../../adapters/config.js";
import { createHttpApp } from "../../../adapters/http/create-http-app.js";
import { createLogger } from "../../../adapters/logger.js";
import { createServices, type Services } from "../../../adapters/runtime.js";
import type { Engine, Logger } from "../../../bot/index.js";
import { corpusDir, knowledgeWithChecklist } from "../corpus.js";
import { type LogEntry, recordingLogger } from "../recording-logger.js";

export const FIXTURE_CHECKLIST = resolve(import.meta.dirname, "../../fixtures/teams/teams-fixture.yaml");

/**
 * Real services over the real corpus, with the knowledge files copied into `dataDir` and
 * the checklists replaced by the Teams fixture, so the tests do not move when the real
 * checklists change. Build once per test file: the index takes a few seconds.
 */
export async function teamsServices(dataDir: string): Promise<Services & { knowledgeDir: string; answerLogPath: string }> {
  const knowledgeDir = knowledgeWithChecklist(dataDir, FIXTURE_CHECKLIST);
  const answerLogPath = join(dataDir, "answers.db");
  const config = loadConfig({ REGULATIONS_DIR: corpusDir(), DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: "silent" });
  const services = await createServices(config, { logger: createLogger("silent"), answerLogPath });
  return { ...services, knowledgeDir, answerLogPath };
}

export interface TeamsBotServer {
  url: string;
  messagesUrl: string;
  logger: Logger & { entries: LogEntry[] };
  close(): Promise<void>;
}

/** createHttpApp + the Teams channel on 127.0.0.1, a fresh port each time. */
export async function startTeamsBot(engine: Engine, env: Record<string, string> = {}): Promise<TeamsBotServer> {
  const logger = recordingLogger();
  // Without an app id the tests talk to the bot as the Bot Framework Emulator would (loopback only).
  const emulator = env.MicrosoftAppId ? {} : { TEAMS_EMULATOR: "true" };
  const config = loadConfig({ REGULATIONS_DIR: corpusDir(), LOG_LEVEL: "silent", NODE_ENV: "test", ...emulator, ...env });
  const channel = createTeamsChannel({ config, engine, logger });
  const app = createHttpApp({ logger, channels: [channel], health: () => ({}) });
  const server: Server = await new Promise((ready) => {
    const s = app.listen(0, "127.0.0.1", () => ready(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    messagesUrl: `${url}/api/messages`,
    logger,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
