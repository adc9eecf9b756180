import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createSlackChannel, type SlackChannelDeps } from "../../../adapters/channels/slack/index.js";
import { type Config, loadConfig } from "../../../adapters/config.js";
import type { ChannelMount } from "../../../adapters/http/create-http-app.js";
import { createHttpApp } from "../../../adapters/http/create-http-app.js";
import { createLogger } from "../../../adapters/logger.js";
import { createRuntime, type Runtime } from "../../../adapters/runtime.js";
import { openSqliteStore, type SqliteStore } from "../../../adapters/store/sqlite-store.js";
import { createEngine, type Engine, type Logger, systemClock } from "../../../bot/index.js";
import type { KnowledgeSource } from "../../../knowledge/index.js";
import { corpusDir, knowledgeWithChecklist, tempDir } from "../corpus.js";
import { type LogEntry, recordingLogger } from "../recording-logger.js";

import { type FakeSlackApi, startFakeSlackApi } from "./fake-slack-api.js";
import { SIGNING_SECRET } from "./slack-requests.js";

export const FIXTURE_CHECKLIST = resolve(import.meta.dirname, "../../fixtures/slack/slack-fixture.yaml");

/**
 * The real runtime (index over the real corpus) with the knowledge files copied into
 * `dataDir` and the checklists replaced by the Slack fixture, so the tests do not move when
 * the real checklists change. Build once per test file: the index takes a few seconds.
 */
export async function slackRuntime(dataDir: string): Promise<Runtime & { config: Config; answerLogPath: string }> {
  const knowledgeDir = knowledgeWithChecklist(dataDir, FIXTURE_CHECKLIST);
  const config = loadConfig({ REGULATIONS_DIR: corpusDir(), DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: "silent" });
  const runtime = await createRuntime(config, { logger: createLogger("silent") });
  return { ...runtime, config, answerLogPath: join(dataDir, "answers.db") };
}

export interface SlackBotServer {
  url: string;
  eventsUrl: string;
  store: SqliteStore;
  engine: Engine;
  channel: ChannelMount;
  logger: Logger & { entries: LogEntry[] };
  /** Stops the server, waits for queued work, closes the answer log. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** The real runtime, or an assistant and knowledge source over fakes (tests/support/fakes). */
  runtime: Pick<Runtime, "assistant"> & { index: { kb: KnowledgeSource }; answerLogPath: string };
  fake: FakeSlackApi;
  env?: Record<string, string>;
  /** Wraps the real engine (a failing fake for error tests). */
  wrapEngine?: (engine: Engine) => Engine;
  deps?: Partial<SlackChannelDeps>;
}

/** A fresh answer-log connection, engine and Bolt app behind createHttpApp on 127.0.0.1:0: what a process start does. */
export async function startSlackBot(options: StartOptions): Promise<SlackBotServer> {
  const logger = recordingLogger();
  const store = openSqliteStore(options.runtime.answerLogPath);
  const real = createEngine({ assistant: options.runtime.assistant, knowledge: options.runtime.index.kb, store, logger, clock: systemClock });
  const engine = options.wrapEngine ? options.wrapEngine(real) : real;
  const config = loadConfig({
    REGULATIONS_DIR: corpusDir(),
    LOG_LEVEL: "silent",
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: options.fake.apiUrl,
    ...options.env,
  });
  const channel = createSlackChannel({
    config,
    engine,
    logger,
    knowledge: options.runtime.index.kb,
    // Fast retries: the tests time out in seconds, not minutes.
    webClient: { retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 }, timeoutMs: 5_000 },
    ...options.deps,
  });
  if (!channel) throw new Error("Slack channel is off");
  const app = createHttpApp({ logger, channels: [channel], health: () => ({}) });
  await channel.start?.();
  const server: Server = await new Promise((ready) => {
    const s = app.listen(0, "127.0.0.1", () => ready(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    eventsUrl: `${url}/slack/events`,
    store,
    engine,
    channel,
    logger,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      await channel.stop?.();
      await store.close();
    },
  };
}

export interface SlackSetup {
  runtime: Runtime & { answerLogPath: string };
  fake: FakeSlackApi;
  bot: SlackBotServer;
}

/**
 * For a test file: a temp folder, the runtime, a fake Web API and the bot, started before
 * the tests and closed after them. Read them from the returned object inside tests, or have
 * `ready` copy them into variables.
 */
export function useSlackBot(prefix: string, ready?: (setup: SlackSetup) => void, env?: Record<string, string>): SlackSetup {
  const data = tempDir(prefix);
  const setup = {} as SlackSetup;
  beforeAll(async () => {
    setup.runtime = await slackRuntime(data.path);
    setup.fake = await startFakeSlackApi();
    setup.bot = await startSlackBot({ runtime: setup.runtime, fake: setup.fake, ...(env ? { env } : {}) });
    ready?.(setup);
  });
  afterAll(async () => {
    await setup.bot?.close();
    await setup.fake?.close();
    data.cleanup();
  });
  return setup;
}
