import { join } from "node:path";
import { AppError, type CorpusChange, type EmbeddingsConfig, ErrorCodes, VERSIONS_FILE } from "../../knowledge/index.js";
import { ensureIndex, type IndexReport, type OpenedIndex } from "../index/build-index.js";
import { latestVersion, recordVersion } from "../versions/record-version.js";
import { currentFolder, pruneFolders, swapCurrent, writeCorpusFolder } from "./corpus-folder.js";
import { parseSnapshot } from "./parse-snapshot.js";
import { readOpenData, readPath, readUrl, type Snapshot } from "./read-source.js";

export interface SyncOptions {
  /** A URL (the service's base URL, or one .zip/.json), a downloaded file, or a folder. */
  source: string;
  /** True when `source` is the open-data service's base URL (ChLaw, ChOrder, EngLaw, EngOrder below it). */
  openDataService?: boolean;
  dataDir: string;
  knowledgeDir: string;
  today: string;
  embeddings: EmbeddingsConfig;
  /** The version to record when the source carries no UpdateDate (default: its latest 最新異動日期). */
  version?: string;
  /** A new snapshot must hold at least this share of the current number of Chinese regulations. Default 0.9. */
  minRatio?: number;
  /** Skip building the index (benchmarks of the sync alone). */
  skipIndex?: boolean;
  onProgress?: (message: string) => void;
}

export interface SyncReport {
  status: "synced" | "up-to-date";
  version: string;
  previous?: string;
  corpusDir: string;
  change: CorpusChange;
  counts: { zh: number; en: number; articles: number };
  problems: string[];
  index?: IndexReport;
  /** The index over the new corpus, opened (absent with skipIndex). */
  opened?: OpenedIndex;
  ms: number;
}

const reject = (message: string, hint?: string) => new AppError(ErrorCodes.SYNC_REJECTED, message, hint ? { hint } : {});

/**
 * One sync: read and verify the source, write a complete corpus folder, point
 * DATA_DIR/corpus/current at it, bring the index up to date, then record the version and
 * its change report. Anything that fails before the end leaves the current corpus, index
 * and version store as they were.
 */
export async function runSync(options: SyncOptions): Promise<SyncReport> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  progress(`Reading ${options.source} ...`);
  const snapshot: Snapshot = options.openDataService
    ? await readOpenData(options.source)
    : /^https?:\/\//i.test(options.source)
      ? await readUrl(options.source)
      : await readPath(options.source);
  const parsed = parseSnapshot(snapshot, options.today);
  const zh = parsed.regulations.filter((r) => r.lang === "zh").length;
  const en = parsed.regulations.length - zh;
  const version = options.version ?? snapshot.updateDate ?? parsed.latestModified;
  const versionsPath = join(options.dataDir, VERSIONS_FILE);
  const latest = latestVersion(versionsPath);
  verify({ zh, files: snapshot.files.length, problems: parsed.problems, version, latest, minRatio: options.minRatio ?? 0.9 });

  const root = join(options.dataDir, "corpus");
  progress(`Writing corpus version ${version} (${zh} regulations in Chinese, ${en} in English) ...`);
  const folder = writeCorpusFolder(root, version, snapshot.files);
  const before = swapCurrent(root, folder);
  const current = join(root, "current");
  let opened: OpenedIndex | undefined;
  let change: CorpusChange;
  try {
    if (!options.skipIndex) {
      opened = await ensureIndex({
        corpusDirs: [current],
        knowledgeDir: options.knowledgeDir,
        indexDir: join(options.dataDir, "index"),
        today: options.today,
        embeddings: options.embeddings,
        onProgress: progress,
      });
    }
    change = recordVersion(versionsPath, {
      version,
      source: snapshot.source,
      syncedAt: new Date().toISOString(),
      regulations: parsed.regulations,
      articles: parsed.articles,
      effectiveDates: parsed.effectiveDates,
    });
  } catch (error) {
    // Put the previous corpus back; the index swap is atomic on its own (ensureIndex).
    if (before) swapCurrent(root, before);
    throw error;
  }
  pruneFolders(root, before);
  return {
    status: latest?.version === version ? "up-to-date" : "synced",
    version,
    ...(change.previous ? { previous: change.previous } : {}),
    corpusDir: currentFolder(root) ?? folder,
    change,
    counts: { zh, en, articles: parsed.articles.filter((a) => a.lang === "zh").length },
    problems: parsed.problems,
    ...(opened ? { index: opened.report, opened } : {}),
    ms: performance.now() - started,
  };
}

function verify(input: {
  zh: number;
  files: number;
  problems: string[];
  version: string;
  latest: { version: string; zhRegulations: number } | undefined;
  minRatio: number;
}): void {
  if (input.zh === 0) throw reject("The source holds no Chinese regulation that could be read; nothing was replaced.");
  const allowed = Math.max(5, Math.ceil(input.files * 0.01));
  if (input.problems.length > allowed) {
    throw reject(
      `${input.problems.length} of ${input.files} files could not be read (at most ${allowed} allowed); nothing was replaced. First: ${input.problems.slice(0, 3).join("; ")}`,
    );
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.version)) throw reject(`The version ${input.version} is not a date (YYYY-MM-DD).`, "Pass --version YYYY-MM-DD.");
  if (!input.latest) return;
  if (input.version < input.latest.version) {
    throw reject(`The source is version ${input.version}, older than the current ${input.latest.version}; nothing was replaced.`);
  }
  if (input.zh < input.latest.zhRegulations * input.minRatio) {
    throw reject(
      `The source holds ${input.zh} Chinese regulations against ${input.latest.zhRegulations} now: implausibly few (partial download?); nothing was replaced.`,
      "Check the source; a deliberate cut needs --min-ratio 0.",
    );
  }
}
