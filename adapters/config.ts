import { existsSync } from "node:fs";
import { userInfo } from "node:os";
import { delimiter, dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { AppError, ErrorCodes, KNOWLEDGE_DIR } from "../knowledge/index.js";
import type { LlmConfig } from "./llm/index.js";

/** The project root: adapters/ sits directly below it. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Where the regulations live in this workplace when REGULATIONS_DIR is unset. */
const WORKPLACE_CORPUS = resolve(PROJECT_ROOT, "../shared/corpus/moj");

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const url = (what: string) => optionalText.pipe(z.string().url(`${what} must be a URL such as http://127.0.0.1:8080/`).optional());
const pathList = z
  .string()
  .optional()
  // A list: separated by commas or by the platform's PATH delimiter (":" here).
  .transform((value) =>
    (value ?? "")
      .split(",")
      .flatMap((part) => part.split(delimiter))
      .map((p) => p.trim())
      .filter(Boolean),
  );

/**
 * Every environment variable the product reads, with its default. This module is the
 * only reader of process.env; .env.example documents each variable.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  REGULATIONS_DIR: pathList,
  KNOWLEDGE_DIR: optionalText,
  DATA_DIR: optionalText,
  /** postgres://… : the answer log on PostgreSQL (several replicas share it); unset: SQLite in DATA_DIR. */
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, "DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@127.0.0.1:5432/compliance")
      .optional(),
  ),
  SCOPE: optionalText
    .transform((v) => (v ? v.split(/[,\s]+/).filter(Boolean) : undefined))
    .pipe(z.array(z.string().regex(/^[A-Z]\d{7}$/, "SCOPE lists PCODEs such as I0050021,K0010162")).optional()),
  /** Which regulations get vectors: knowledge (those our knowledge files describe; default), all, none. */
  VECTOR_SCOPE: z.enum(["knowledge", "all", "none"], { message: "VECTOR_SCOPE must be knowledge, all or none" }).default("knowledge"),
  EMBEDDINGS_PROVIDER: z.enum(["hashing", "openai", "azure-openai", "ollama", "transformers"]).default("hashing"),
  EMBEDDINGS_MODEL: optionalText,
  EMBEDDINGS_DIMENSIONS: z.coerce.number().int().min(8).max(8192).optional(),
  EMBEDDINGS_BASE_URL: url("EMBEDDINGS_BASE_URL"),
  OPENAI_API_KEY: optionalText,
  AZURE_OPENAI_API_KEY: optionalText,
  AZURE_OPENAI_API_INSTANCE_NAME: optionalText,
  AZURE_OPENAI_API_DEPLOYMENT_NAME: optionalText,
  AZURE_OPENAI_API_VERSION: optionalText,
  OLLAMA_BASE_URL: url("OLLAMA_BASE_URL"),
  TRANSFORMERS_MODEL_DIR: optionalText,
  /** A language model writes the lead from the retrieved clauses (verified before it is shown); none = the offline answer. */
  LLM_PROVIDER: z.enum(["none", "openai", "azure-openai", "ollama"]).default("none"),
  LLM_MODEL: optionalText,
  LLM_BASE_URL: url("LLM_BASE_URL"),
  LLM_API_KEY: optionalText,
  LLM_API_VERSION: optionalText,
  LLM_AZURE_DEPLOYMENT: optionalText,
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100, "LLM_TIMEOUT_MS is in milliseconds (at least 100)").max(120_000).default(8000),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Longest wait for one engine turn before the user is told, with the request id, to try again. */
  TURN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** A platform retry re-sends a recorded, undelivered reply only once it is this old (younger: still on its way, maybe from another replica). */
  REDELIVER_AFTER_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: url("SLACK_API_URL"),
  /** false turns the Teams channel off even when MicrosoftAppId is set. */
  TEAMS_ENABLED: z
    .enum(["true", "false", "1", "0"], { message: "TEAMS_ENABLED must be true or false" })
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  /** true: Teams without an app id, for the Bot Framework Emulator on this machine (loopback only). */
  TEAMS_EMULATOR: z
    .enum(["true", "false", "1", "0"], { message: "TEAMS_EMULATOR must be true or false" })
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  MicrosoftAppType: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).optional(),
  TEAMS_OPENID_METADATA_URL: url("TEAMS_OPENID_METADATA_URL"),
  TEAMS_TOKEN_ISSUER: optionalText,
  TEAMS_TOKEN_ENDPOINT: url("TEAMS_TOKEN_ENDPOINT"),
  /** Certificate credentials instead of a password (botbuilder's CertificateThumbprint / CertificatePrivateKey). */
  TEAMS_CERTIFICATE_THUMBPRINT: optionalText,
  TEAMS_CERTIFICATE_KEY_FILE: optionalText,
  /** The public base URL of this server, for links it serves (report downloads); default: the request's host. */
  PUBLIC_BASE_URL: url("PUBLIC_BASE_URL"),
  /** Base URL of the MOJ open-data service; `sync` downloads api/Ch/Law/JSON ... below it. */
  MOJ_OPEN_DATA_URL: url("MOJ_OPEN_DATA_URL").default("https://law.moj.gov.tw/"),
  /** `npm start` syncs every this many hours; unset = never (off). */
  SYNC_INTERVAL_HOURS: optionalText.pipe(z.coerce.number().positive("SYNC_INTERVAL_HOURS must be a positive number of hours").optional()),
  /** Who answers in the terminal (`npm run chat`, `cli assess`); default: the operating-system user name. */
  CLI_USER: optionalText,
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env;
  regulationDirs: string[];
  knowledgeDir: string;
  dataDir: string;
  indexDir: string;
  answerLogPath: string;
  llm: LlmConfig;
  /** DATA_DIR/corpus/current: once a sync has run, the corpus comes from here instead of REGULATIONS_DIR. */
  syncedCorpusDir: string;
  /** DATA_DIR/versions.db: article texts by corpus version and the change reports. */
  versionsPath: string;
  /** The person the terminal records as answering: CLI_USER, else the OS user name (README "Self-assessment"). */
  cliUser: string;
}

/** DEBUG=1 makes the CLI print stack traces (read before the configuration may have parsed). */
export function debugEnabled(): boolean {
  return Boolean(process.env.DEBUG);
}

/** Loads `.env` from the project root into process.env when present (variables already set win). */
export function loadDotEnv(): void {
  const path = resolve(PROJECT_ROOT, ".env");
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Parses the environment once; on failure lists every bad variable and how to fix it. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new AppError(ErrorCodes.CONFIG_INVALID, `Invalid configuration:\n${lines.join("\n")}`, {
      hint: "Fix the variables above in your environment or .env file; .env.example documents each one.",
    });
  }
  const env = parsed.data;
  const problems = [...providerProblems(env), ...llmProblems(env)];
  if (problems.length > 0) {
    throw new AppError(ErrorCodes.CONFIG_INVALID, `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`, {
      hint: "Set the variables above, or unset EMBEDDINGS_PROVIDER / LLM_PROVIDER to use the offline defaults.",
    });
  }
  const fromRoot = (p: string) => (isAbsolute(p) ? p : resolve(PROJECT_ROOT, p));
  const regulationDirs = env.REGULATIONS_DIR.length > 0 ? env.REGULATIONS_DIR.map(fromRoot) : existsSync(WORKPLACE_CORPUS) ? [WORKPLACE_CORPUS] : [];
  const dataDir = fromRoot(env.DATA_DIR ?? ".data");
  const syncedCorpusDir = resolve(dataDir, "corpus", "current");
  return {
    env,
    // A synced corpus is the newer one: it replaces the configured folders (sync reads those only as a source).
    regulationDirs: existsSync(syncedCorpusDir) ? [syncedCorpusDir] : regulationDirs,
    knowledgeDir: env.KNOWLEDGE_DIR ? fromRoot(env.KNOWLEDGE_DIR) : KNOWLEDGE_DIR,
    dataDir,
    indexDir: resolve(dataDir, "index"),
    answerLogPath: resolve(dataDir, "answers.db"),
    llm: llmConfig(env),
    syncedCorpusDir,
    versionsPath: resolve(dataDir, "versions.db"),
    cliUser: env.CLI_USER ?? osUserName(),
  };
}

/** The OS account name; "terminal" where the account has no name (a container without a passwd entry). */
function osUserName(): string {
  try {
    return userInfo().username || "terminal";
  } catch {
    return "terminal";
  }
}

/** The language model settings; the key falls back to the provider's usual variable. */
function llmConfig(env: Env): LlmConfig {
  const apiKey =
    env.LLM_API_KEY ?? (env.LLM_PROVIDER === "openai" ? env.OPENAI_API_KEY : env.LLM_PROVIDER === "azure-openai" ? env.AZURE_OPENAI_API_KEY : undefined);
  const baseUrl = env.LLM_BASE_URL ?? (env.LLM_PROVIDER === "ollama" ? env.OLLAMA_BASE_URL : undefined);
  return {
    provider: env.LLM_PROVIDER,
    timeoutMs: env.LLM_TIMEOUT_MS,
    ...(env.LLM_MODEL ? { model: env.LLM_MODEL } : {}),
    ...(baseUrl ? { baseUrl } : {}),
    ...(apiKey ? { apiKey } : {}),
    ...(env.LLM_API_VERSION ? { apiVersion: env.LLM_API_VERSION } : {}),
    ...(env.AZURE_OPENAI_API_INSTANCE_NAME ? { azureInstanceName: env.AZURE_OPENAI_API_INSTANCE_NAME } : {}),
    ...(env.LLM_AZURE_DEPLOYMENT ? { azureDeployment: env.LLM_AZURE_DEPLOYMENT } : {}),
  };
}

function llmProblems(env: Env): string[] {
  switch (env.LLM_PROVIDER) {
    case "openai":
      return env.LLM_API_KEY || env.OPENAI_API_KEY ? [] : ["LLM_API_KEY (or OPENAI_API_KEY): required when LLM_PROVIDER=openai"];
    case "azure-openai":
      return [
        ...(env.LLM_API_KEY || env.AZURE_OPENAI_API_KEY ? [] : ["LLM_API_KEY (or AZURE_OPENAI_API_KEY): required when LLM_PROVIDER=azure-openai"]),
        ...(env.LLM_BASE_URL || env.AZURE_OPENAI_API_INSTANCE_NAME
          ? []
          : ["LLM_BASE_URL (https://NAME.openai.azure.com) or AZURE_OPENAI_API_INSTANCE_NAME: required when LLM_PROVIDER=azure-openai"]),
        ...(env.LLM_MODEL ? [] : ["LLM_MODEL: required when LLM_PROVIDER=azure-openai (the model the deployment runs, e.g. gpt-4o-mini)"]),
      ];
    case "ollama":
      return env.LLM_MODEL ? [] : ["LLM_MODEL: required when LLM_PROVIDER=ollama (e.g. qwen2.5:7b)"];
    default:
      return [];
  }
}

/** Secrets have no defaults: a selected provider must come with what it needs. */
function providerProblems(env: Env): string[] {
  switch (env.EMBEDDINGS_PROVIDER) {
    case "openai":
      return env.OPENAI_API_KEY ? [] : ["OPENAI_API_KEY: required when EMBEDDINGS_PROVIDER=openai"];
    case "azure-openai":
      return [
        ...(env.AZURE_OPENAI_API_KEY ? [] : ["AZURE_OPENAI_API_KEY: required when EMBEDDINGS_PROVIDER=azure-openai"]),
        ...(env.AZURE_OPENAI_API_INSTANCE_NAME || env.EMBEDDINGS_BASE_URL
          ? []
          : ["AZURE_OPENAI_API_INSTANCE_NAME (or EMBEDDINGS_BASE_URL): required when EMBEDDINGS_PROVIDER=azure-openai"]),
        ...(env.AZURE_OPENAI_API_DEPLOYMENT_NAME ? [] : ["AZURE_OPENAI_API_DEPLOYMENT_NAME: required when EMBEDDINGS_PROVIDER=azure-openai"]),
      ];
    case "ollama":
      return env.EMBEDDINGS_MODEL ? [] : ["EMBEDDINGS_MODEL: required when EMBEDDINGS_PROVIDER=ollama (e.g. bge-m3)"];
    case "transformers":
      return env.TRANSFORMERS_MODEL_DIR ? [] : ["TRANSFORMERS_MODEL_DIR: required when EMBEDDINGS_PROVIDER=transformers (a local model folder)"];
    default:
      return [];
  }
}
