import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Assistant, createAssistant, createEngine, type Engine, type Logger, systemClock } from "../bot/index.js";
import { ensureIndex, type IndexReport, type OpenedIndex } from "../ingest/index.js";
import {
  type ArticleHistory,
  createHybridRetriever,
  createNaiveRetriever,
  type EmbeddingsConfig,
  type HybridOptions,
  openArticleHistory,
  type Retriever,
} from "../knowledge/index.js";
import type { Config, Env } from "./config.js";
import { createChatModel } from "./llm/index.js";
import { dataDirError, dataDirProblem } from "./store/data-dir.js";
import { type AnswerLogStore, openStore } from "./store/open-store.js";

export type PipelineName = "hybrid" | "bm25" | "naive";

export const PIPELINES: PipelineName[] = ["hybrid", "bm25", "naive"];

export interface Runtime {
  assistant: Assistant;
  retriever: Retriever;
  index: OpenedIndex;
  report: IndexReport;
  /** The configured language model ("provider:model"), or undefined when answers are offline only. */
  model?: string;
  /** Article versions, when the corpus is the synced one (DATA_DIR/corpus/current). */
  history?: ArticleHistory;
}

interface RuntimeOptions {
  logger: Logger;
  pipeline?: PipelineName;
  /** Overrides the configured corpus directories (eval --corpus) and index folder. */
  corpusDirs?: string[];
  indexDir?: string;
  /** Stops a build between two files (SIGTERM in the build process). */
  signal?: AbortSignal;
  /** Open the saved index as it is, never build in this process (the server builds in a child). */
  openOnly?: boolean;
  onProgress?: (message: string) => void;
}

/** Fusion settings of the default pipeline, measured with `npm run eval` (see README). */
const HYBRID_DEFAULTS: Omit<HybridOptions, "scope"> = { vectorWeight: 0.2, maxCitations: 5, relativeCutoff: 0.15 };

/** The composition root: opens (or builds) the index and wires retrieval into the assistant. */
export async function createRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const today = new Date().toISOString().slice(0, 10);
  const indexDir = options.indexDir ?? config.indexDir;
  // No index yet and nowhere to build one: say so before reading the corpus.
  const missing = existsSync(join(indexDir, "manifest.json")) ? undefined : dataDirProblem(indexDir);
  if (missing) throw dataDirError(indexDir, missing, "The index must be built or refreshed there first.");
  const index = await ensureIndex({
    corpusDirs: options.corpusDirs ?? config.regulationDirs,
    knowledgeDir: config.knowledgeDir,
    indexDir,
    today,
    embeddings: embeddingsConfig(config.env),
    vectorScope: config.env.VECTOR_SCOPE,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.openOnly ? { mode: "open-only" as const } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  }).catch((error: unknown) => {
    // An up-to-date index opens read-only; only building one needs to write. Say so plainly
    // instead of the file-system error of a staging folder.
    const problem = dataDirProblem(indexDir);
    throw problem ? dataDirError(indexDir, problem, "The index must be built or refreshed there first.") : error;
  });
  return wireRuntime(index, config, options);
}

/** Retrieval and the assistant over an opened index. */
export async function wireRuntime(index: OpenedIndex, config: Config, options: RuntimeOptions): Promise<Runtime> {
  for (const problem of index.report.problems) options.logger.warn({ file: problem.file, reason: problem.reason }, "regulation file skipped");
  const pipeline = options.pipeline ?? "hybrid";
  const scope = config.env.SCOPE ?? index.kb.defaultScope();
  const retriever =
    pipeline === "naive"
      ? await createNaiveRetriever(index.kb.articles, index.embeddings)
      : createHybridRetriever(
          { kb: index.kb, ...index.lexical, ...(index.vectors ? { vectors: index.vectors } : {}) },
          { ...HYBRID_DEFAULTS, scope, home: homeRegulations(index), ...(pipeline === "bm25" ? { vectorWeight: 0 } : {}) },
        );
  const model = await createChatModel(config.llm);
  const grounding = model ? { grounding: { model, timeoutMs: config.llm.timeoutMs } } : {};
  if (model)
    options.logger.info(
      { provider: model.provider, model: model.model, timeoutMs: config.llm.timeoutMs },
      "answers are written by a language model and verified",
    );
  const corpusDirs = options.corpusDirs ?? config.regulationDirs;
  const history = corpusDirs.length === 1 && corpusDirs[0] === config.syncedCorpusDir ? openArticleHistory(config.versionsPath) : undefined;
  return {
    assistant: createAssistant({ retriever, knowledge: index.kb, ...(history ? { history } : {}), ...grounding }),
    retriever,
    index,
    report: index.report,
    ...(history ? { history } : {}),
    ...(model ? { model: `${model.provider}:${model.model}` } : {}),
  };
}

/** The regulations our knowledge files describe: ranked among themselves (see HybridOptions.home). */
function homeRegulations(index: OpenedIndex): string[] {
  return [...new Set([...index.kb.defaultScope(), ...index.kb.files.sources.regulations.map((s) => s.pcode)])];
}

/** Maps the environment onto the embedding provider settings. */
export function embeddingsConfig(env: Env): EmbeddingsConfig {
  return {
    provider: env.EMBEDDINGS_PROVIDER,
    ...(env.EMBEDDINGS_MODEL ? { model: env.EMBEDDINGS_MODEL } : {}),
    ...(env.EMBEDDINGS_DIMENSIONS ? { dimensions: env.EMBEDDINGS_DIMENSIONS } : {}),
    ...(env.EMBEDDINGS_BASE_URL ? { baseUrl: env.EMBEDDINGS_BASE_URL } : {}),
    ...(env.OPENAI_API_KEY ? { openaiApiKey: env.OPENAI_API_KEY } : {}),
    azure: {
      ...(env.AZURE_OPENAI_API_KEY ? { apiKey: env.AZURE_OPENAI_API_KEY } : {}),
      ...(env.AZURE_OPENAI_API_INSTANCE_NAME ? { instanceName: env.AZURE_OPENAI_API_INSTANCE_NAME } : {}),
      ...(env.AZURE_OPENAI_API_DEPLOYMENT_NAME ? { deploymentName: env.AZURE_OPENAI_API_DEPLOYMENT_NAME } : {}),
      ...(env.AZURE_OPENAI_API_VERSION ? { apiVersion: env.AZURE_OPENAI_API_VERSION } : {}),
    },
    ...(env.OLLAMA_BASE_URL ? { ollamaBaseUrl: env.OLLAMA_BASE_URL } : {}),
    ...(env.TRANSFORMERS_MODEL_DIR ? { transformersModelDir: env.TRANSFORMERS_MODEL_DIR } : {}),
  };
}

export interface Services extends Runtime {
  engine: Engine;
  /** The answer log; it also keeps the report download links, so every replica serves them. */
  store: AnswerLogStore;
}

/** The runtime plus the answer log and the conversation engine every channel drives. */
export async function createServices(config: Config, options: RuntimeOptions & { answerLogPath?: string }): Promise<Services> {
  // Checked before anything else, so a read-only or full DATA_DIR is one clear message at
  // start-up, not a failure on every turn.
  const problem = config.env.DATABASE_URL ? undefined : dataDirProblem(config.dataDir);
  if (problem) throw dataDirError(config.dataDir, problem, "The answer log (answers.db) and the index live there.");
  const runtime = await createRuntime(config, options);
  const store = await openStore(config, options.logger, options.answerLogPath);
  const engine = createEngine({
    assistant: runtime.assistant,
    knowledge: runtime.index.kb,
    store,
    logger: options.logger,
    clock: systemClock,
    ...(runtime.history ? { history: runtime.history } : {}),
    scope: config.env.SCOPE ?? runtime.index.kb.defaultScope(),
  });
  return { ...runtime, engine, store };
}
