import { findImpact, type ImpactReport, type Logger, renderChanges, renderImpact } from "../../bot/index.js";
import { runSync, type SyncReport } from "../../ingest/index.js";
import type { Lang } from "../../knowledge/index.js";
import type { Config } from "../config.js";
import { embeddingsConfig } from "../runtime.js";
import { openSqliteStore } from "../store/sqlite-store.js";

export const DEFAULT_OPEN_DATA_URL = "https://law.moj.gov.tw/";

export interface SyncCommandOptions {
  source?: string;
  version?: string;
  minRatio?: number;
  skipIndex?: boolean;
  lang: Lang;
  onProgress?: (message: string) => void;
}

export interface SyncOutcome {
  report: SyncReport;
  impact?: ImpactReport;
  /** The readable change report with its impact. */
  text: string;
  /** The same as one JSON object (`--json`). */
  json: Record<string, unknown>;
}

/**
 * `npm run cli -- sync` and the scheduled sync of `npm start`: runs the sync, then finds
 * the past answers, checklist items and assessments that cite what changed.
 */
export async function syncWithImpact(config: Config, logger: Logger, options: SyncCommandOptions): Promise<SyncOutcome> {
  const source = options.source ?? config.env.MOJ_OPEN_DATA_URL ?? DEFAULT_OPEN_DATA_URL;
  const report = await runSync({
    source,
    openDataService: options.source === undefined,
    dataDir: config.dataDir,
    knowledgeDir: config.knowledgeDir,
    today: new Date().toISOString().slice(0, 10),
    embeddings: embeddingsConfig(config.env),
    ...(options.version ? { version: options.version } : {}),
    ...(options.minRatio !== undefined ? { minRatio: options.minRatio } : {}),
    ...(options.skipIndex ? { skipIndex: true } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  // The same version again (a scheduled sync before the service published anything new): nothing to report.
  const fresh = report.status === "synced";
  const changes = fresh ? report.change.regulations : [];
  let impact: ImpactReport | undefined;
  if (report.opened && fresh) {
    const store = openSqliteStore(config.answerLogPath);
    try {
      impact = await findImpact([report.change], store, report.opened.kb, options.lang);
    } finally {
      await store.close();
    }
  }
  logger.info(
    {
      version: report.version,
      previous: report.previous,
      regulations: report.counts.zh,
      changed: changes.length,
      impactedAnswers: impact?.questions.length,
      impactedResponses: impact?.responses.length,
      ms: Math.round(report.ms),
    },
    `sync ${report.status}: version ${report.version}, ${changes.length} regulations changed`,
  );
  const en = options.lang === "en";
  const head = en
    ? `Synced version ${report.version} from ${report.change.source}: ${report.counts.zh} regulations (${report.counts.en} in English), ${report.counts.articles} articles, ${(report.ms / 1000).toFixed(1)} s.`
    : `已同步版本 ${report.version}（來源 ${report.change.source}）：${report.counts.zh} 部法規（英譯 ${report.counts.en} 部）、${report.counts.articles} 條，${(report.ms / 1000).toFixed(1)} 秒。`;
  const problems =
    report.problems.length > 0
      ? [
          en ? `Skipped files: ${report.problems.length}` : `略過的檔案：${report.problems.length} 個`,
          ...report.problems.slice(0, 10).map((p) => `  - ${p}`),
        ].join("\n")
      : "";
  const upToDate = en ? `Version ${report.version} was already the current one: nothing changed.` : `版本 ${report.version} 已是目前的版本，沒有變動。`;
  const text = [head, fresh ? renderChanges([report.change], options.lang) : upToDate, impact ? renderImpact(impact, options.lang) : "", problems]
    .filter(Boolean)
    .join("\n\n");
  const json = {
    status: report.status,
    version: report.version,
    ...(report.previous ? { previous: report.previous } : {}),
    source: report.change.source,
    counts: report.counts,
    changes,
    ...(impact ? { impact } : {}),
    problems: report.problems,
    ...(report.index ? { index: { status: report.index.status, embedded: report.index.embedded, reused: report.index.reused } } : {}),
    ms: Math.round(report.ms),
  };
  return { report, ...(impact ? { impact } : {}), text, json };
}
