import type { Engine, Logger } from "../bot/index.js";
import { createEngine, systemClock } from "../bot/index.js";
import { isAppError, type KnowledgeSource } from "../knowledge/index.js";
import { type BackgroundBuild, startBackgroundBuild } from "./background-build.js";
import type { Config } from "./config.js";
import { createIndexBuildingAssistant } from "./index-building-assistant.js";
import { createRuntime, type Runtime } from "./runtime.js";
import { dataDirError, dataDirProblem } from "./store/data-dir.js";
import { type AnswerLogStore, openStore } from "./store/open-store.js";
import { createSwitchable } from "./switchable.js";

export interface ServerServices {
  engine: Engine;
  /** The answer log; it also keeps the report download links, so every replica serves them. */
  store: AnswerLogStore;
  knowledge: KnowledgeSource;
  /** For /healthz: the index in use and whether a build runs. */
  status(): { index: string; articles: number; embedding: string; building: boolean };
  /** After a sync changed the corpus: rebuilds the index in the background and swaps it in. */
  refresh(): void;
  /** The article history of the synced corpus, when the server serves it. */
  corpusVersion(): string | undefined;
  /** Stops a running build (SIGTERM to the child) and closes the answer log. */
  stop(): Promise<void>;
}

/**
 * The server's services. The index is opened as it is on disk; when it is missing or no
 * longer matches the corpus, it is built in a child process while the server keeps
 * acknowledging and answering (from the previous index, or with a "still building"
 * message on a first start), and swapped in when the build is done.
 */
export async function createServerServices(config: Config, logger: Logger): Promise<ServerServices> {
  // A read-only or full DATA_DIR is one clear message at start-up (the index and answers.db live there).
  const problem = config.env.DATABASE_URL ? undefined : dataDirProblem(config.dataDir);
  if (problem) throw dataDirError(config.dataDir, problem, "The answer log (answers.db) and the index live there.");
  let runtime: Runtime | undefined;
  try {
    runtime = await createRuntime(config, { logger, openOnly: true });
  } catch (error) {
    if (!isAppError(error, "INDEX_MISMATCH")) throw error;
    logger.info({}, "no usable index yet: building it in the background; questions get a 'still building' message until then");
  }
  const switchable = createSwitchable(
    runtime ? { assistant: runtime.assistant, knowledge: runtime.index.kb } : createIndexBuildingAssistant(config.knowledgeDir),
  );
  const store = await openStore(config, logger);
  const engine = createEngine({ assistant: switchable.assistant, knowledge: switchable.knowledge, store, logger, clock: systemClock });
  let build: BackgroundBuild | undefined;
  const startBuild = () => {
    if (build) return;
    const running = startBackgroundBuild(logger);
    build = running;
    void running.done.then(async (outcome) => {
      build = undefined;
      if (outcome !== "built") return;
      try {
        const fresh = await createRuntime(config, { logger, openOnly: true });
        switchable.swap({ assistant: fresh.assistant, knowledge: fresh.index.kb });
        const previous = runtime;
        runtime = fresh;
        previous?.history?.close();
        logger.info({ articles: fresh.index.manifest.counts.articles }, "new index in use");
      } catch (error) {
        logger.error({ reason: (error as Error).message }, "the new index could not be opened; the previous one stays");
      }
    });
  };
  if (!runtime || runtime.report.status === "stale") {
    if (runtime) logger.info({ reason: runtime.report.reason }, "the index is out of date: serving it while a new one is built in the background");
    startBuild();
  }
  return {
    engine,
    store,
    knowledge: switchable.knowledge,
    status: () => ({
      index: runtime?.report.status ?? "building",
      articles: runtime?.index.manifest.counts.articles ?? 0,
      embedding: runtime?.report.embeddingId ?? "-",
      building: build !== undefined,
    }),
    refresh: startBuild,
    corpusVersion: () => runtime?.history?.currentVersion(),
    async stop() {
      await build?.stop();
      await store.close();
      runtime?.history?.close();
    },
  };
}
