import type { AssessmentStore, Logger } from "../../bot/index.js";
import type { Config } from "../config.js";
import { openPostgresStore, redact } from "./postgres-store.js";
import type { ReportLinkStore } from "./report-link-store.js";
import { openSqliteStore } from "./sqlite-store.js";

/** Where the answer log lives, for start-up messages and `verify-log`. */
export function storeLocation(config: Config, sqlitePath = config.answerLogPath): string {
  return config.env.DATABASE_URL ? redact(config.env.DATABASE_URL) : sqlitePath;
}

/** The answer log the configuration selects: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. */
export type AnswerLogStore = AssessmentStore & ReportLinkStore;

export async function openStore(config: Config, logger: Logger, sqlitePath = config.answerLogPath): Promise<AnswerLogStore> {
  if (config.env.DATABASE_URL) return openPostgresStore(config.env.DATABASE_URL, logger);
  return openSqliteStore(sqlitePath);
}
