import { createHash } from "node:crypto";
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Embeddings } from "@langchain/core/embeddings";
import {
  AppError,
  type CorpusProblem,
  createDomainAnalyzer,
  createEmbeddings,
  createGlossaryMatcher,
  type EmbeddingsConfig,
  ErrorCodes,
  INDEX_FILES,
  INDEX_FORMAT,
  type KnowledgeBase,
  type KnowledgeFiles,
  type LexicalSide,
  loadKnowledgeFiles,
  type Manifest,
  openClauseStore,
  openIndex,
  readManifest,
  type StoredRegulation,
  type VectorSearch,
} from "../../knowledge/index.js";
import { listCorpusFiles } from "../corpus/load-corpus.js";
import { loadEmbeddingCache } from "./embedding-cache.js";
import { sha256 } from "./vector-index.js";
import { writeIndex } from "./write-index.js";

/**
 * Which regulations get vectors. `knowledge` (the default): those our knowledge files
 * describe (the asker's default scope and every regulation in sources.yaml); `all`: every
 * article; `none`: lexical only. Measured on the national database (README, "National
 * scale"): the offline hashing vectors add nothing outside the regulations whose glossary
 * concepts they encode, and cost 446 MB and most of the build for all 218,000 articles.
 */
export type VectorScopeName = "knowledge" | "all" | "none";

export interface IndexOptions {
  corpusDirs: string[];
  knowledgeDir: string;
  indexDir: string;
  /** ISO date used to decide what is in force. */
  today: string;
  embeddings: EmbeddingsConfig;
  vectorScope?: VectorScopeName;
  /** Aborting stops a build between files; the current index stays as it was. */
  signal?: AbortSignal;
  /**
   * `open-only`: never build here (the server builds in a child process); an index that no
   * longer matches the corpus is opened as it is, reported `stale`, when its format and
   * embedding model still fit. Default `build`.
   */
  mode?: "build" | "open-only";
  onProgress?: (message: string) => void;
}

export type IndexStatus = "up-to-date" | "built" | "updated" | "rebuilt" | "stale";

export interface IndexReport {
  status: IndexStatus;
  reason?: string;
  added: string[];
  changed: string[];
  removed: string[];
  embedded: number;
  reused: number;
  problems: CorpusProblem[];
  embeddingId: string;
  ms: number;
}

export interface OpenedIndex {
  kb: KnowledgeBase;
  lexical: LexicalSide;
  vectors?: VectorSearch;
  embeddings: Embeddings;
  manifest: Manifest;
  report: IndexReport;
}

/**
 * Opens the index for the current corpus, knowledge and embedding model, building or
 * refreshing it first when the manifest does not match (then opening it read-only). An
 * unchanged corpus costs reading and hashing its files; a build streams them, and a
 * changed file costs embedding only the texts that changed.
 */
export async function ensureIndex(options: IndexOptions): Promise<OpenedIndex> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const files = loadKnowledgeFiles(options.knowledgeDir);
  const listed = listCorpusFiles(options.corpusDirs);
  if (listed.files.length === 0) {
    throw new AppError(ErrorCodes.CORPUS_EMPTY, `No regulation files could be read from ${options.corpusDirs.join(", ") || "(no directory configured)"}`, {
      hint: "Set REGULATIONS_DIR to a folder holding the MOJ open-data files (zh/PCODE.json, en/PCODE.json).",
    });
  }
  const manifestPath = join(options.indexDir, INDEX_FILES.manifest);
  const previous = readManifest(manifestPath);
  const usable = previous && !("invalid" in previous) ? previous : undefined;
  const fileHashes = hashFiles(listed.files, usable?.files ?? []);
  const knowledgeHash = sha256(`${INDEX_FORMAT}\n${files.raw.map((f) => `${f.path}\n${f.raw}`).join("\n")}`);
  const vectorScope = options.vectorScope ?? "knowledge";
  const corpusHash = sha256(`${fileHashes.map((f) => `${f.path}:${f.sha256}`).join("\n")}${knowledgeHash}vectors:${vectorScope}`);
  const analyzer = createDomainAnalyzer(files);
  const choice = await createEmbeddings(options.embeddings, {
    analyzer,
    glossary: createGlossaryMatcher(files.glossary.terms),
    knowledgeVersion: knowledgeHash.slice(0, 12),
  });

  const diff = diffFiles(usable?.files ?? [], fileHashes);
  let reason: string | undefined;
  let status: IndexStatus = "built";
  if (previous && "invalid" in previous) {
    status = "rebuilt";
    reason = `manifest unreadable (${previous.invalid})`;
  } else if (usable && usable.format !== INDEX_FORMAT) {
    status = "rebuilt";
    reason = `index format ${usable.format} is outdated (now ${INDEX_FORMAT})`;
  } else if (usable && usable.embedding.id !== choice.id) {
    status = "rebuilt";
    reason = `embedding model changed (${usable.embedding.id} -> ${choice.id})`;
  } else if (usable && usable.corpusHash === corpusHash) {
    const loaded = await openIndex(options.indexDir, usable, files, choice.embeddings);
    if (typeof loaded !== "string") {
      const report: IndexReport = {
        status: "up-to-date",
        added: [],
        changed: [],
        removed: [],
        embedded: 0,
        reused: usable.counts.vectors,
        problems: [...listed.problems, ...usable.problems],
        embeddingId: choice.id,
        ms: performance.now() - started,
      };
      return { ...loaded, embeddings: choice.embeddings, manifest: usable, report };
    }
    status = "rebuilt";
    reason = loaded;
  } else if (usable) {
    status = "updated";
  }
  if (options.mode === "open-only") return openAsItIs(options.indexDir, usable, files, choice, reason ?? "the corpus changed", started);

  progress(status === "built" ? "Building the index (first use)..." : `Refreshing the index${reason ? ` (${reason})` : ""}...`);
  const staging = `${options.indexDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const written = await writeIndex({
      paths: listed.files,
      files,
      analyzer,
      embeddings: choice.embeddings,
      cache: loadEmbeddingCache(options.indexDir, choice.id),
      today: options.today,
      target: staging,
      ...(usable && usable.format === INDEX_FORMAT ? { previous: { dir: options.indexDir, entries: previousEntries(options.indexDir) } } : {}),
      vectorScope: vectorPcodes(files, vectorScope, listed.files),
      home: vectorPcodes(files, "knowledge", listed.files),
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: progress,
    });
    if (written.regulations === 0) {
      throw new AppError(ErrorCodes.CORPUS_EMPTY, `No regulation files could be read from ${options.corpusDirs.join(", ")}`, {
        hint: `First problem: ${written.problems[0]?.file ?? "-"}: ${written.problems[0]?.reason ?? "-"}`,
      });
    }
    const manifest: Manifest = {
      format: INDEX_FORMAT,
      embedding: { id: choice.id, dimensions: written.dimensions },
      corpusHash,
      files: fileHashes,
      knowledgeHash,
      problems: written.problems,
      vectorScope: [...vectorPcodes(files, vectorScope, listed.files)].sort(),
      builtAt: new Date().toISOString(),
      counts: { regulations: written.regulations, articles: written.articles, clauses: written.clauses, vectors: written.vectors },
    };
    // The manifest goes last: its presence marks a complete index. Then one rename swaps it in.
    writeFileSync(join(staging, INDEX_FILES.manifest), JSON.stringify(manifest, null, 2));
    rmSync(options.indexDir, { recursive: true, force: true });
    renameSync(staging, options.indexDir);
    const opened = await openIndex(options.indexDir, manifest, files, choice.embeddings);
    if (typeof opened === "string") throw new AppError(ErrorCodes.INDEX_CORRUPT, `The index just written cannot be opened: ${opened}`);
    const report: IndexReport = {
      status,
      ...(reason ? { reason } : {}),
      ...diff,
      ...written.embed,
      problems: [...listed.problems, ...written.problems],
      embeddingId: choice.id,
      ms: performance.now() - started,
    };
    return { ...opened, embeddings: choice.embeddings, manifest, report };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function openAsItIs(
  dir: string,
  manifest: Manifest | undefined,
  files: KnowledgeFiles,
  choice: { embeddings: Embeddings; id: string },
  reason: string,
  started: number,
): Promise<OpenedIndex> {
  const fits = manifest && manifest.format === INDEX_FORMAT && manifest.embedding.id === choice.id;
  const opened = fits ? await openIndex(dir, manifest, files, choice.embeddings) : "no index of this format and embedding model";
  if (!manifest || typeof opened === "string") {
    throw new AppError(ErrorCodes.INDEX_MISMATCH, `No usable index in ${dir} (${typeof opened === "string" ? opened : reason})`, {
      hint: "Build it with `npm run cli -- ingest`, or let `npm start` build it in the background.",
    });
  }
  const report: IndexReport = {
    status: "stale",
    reason,
    added: [],
    changed: [],
    removed: [],
    embedded: 0,
    reused: manifest.counts.vectors,
    problems: manifest.problems,
    embeddingId: choice.id,
    ms: performance.now() - started,
  };
  return { ...opened, embeddings: choice.embeddings, manifest, report };
}

/** sha256 of every file; a file whose size and mtime are those the manifest recorded keeps its recorded hash. */
function hashFiles(paths: string[], known: Manifest["files"]): Manifest["files"] {
  const byPath = new Map(known.map((f) => [f.path, f]));
  return paths.map((p) => {
    const path = resolve(p);
    let stat: { size: number; mtimeMs: number } | undefined;
    try {
      stat = statSync(path);
    } catch {
      stat = undefined;
    }
    const before = byPath.get(path);
    if (stat && before && before.size === stat.size && before.mtimeMs === stat.mtimeMs) return before;
    return { path, sha256: hashFile(path), ...(stat ? { size: stat.size, mtimeMs: stat.mtimeMs } : {}) };
  });
}

function hashFile(path: string): string {
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    // Unreadable now: the build reports it; the hash only has to differ from a readable file's.
    return "0".repeat(64);
  }
}

function previousEntries(dir: string): StoredRegulation[] {
  try {
    return openClauseStore(dir).entries;
  } catch {
    return [];
  }
}

function vectorPcodes(files: KnowledgeFiles, scope: VectorScopeName, paths: string[]): Set<string> {
  if (scope === "none") return new Set();
  if (scope === "all") return new Set(paths.map((p) => p.replace(/^.*[\\/]/, "").replace(/\.json$/i, "")));
  return new Set([...files.sources.default_scope, ...files.sources.regulations.map((s) => s.pcode)]);
}

function diffFiles(before: Manifest["files"], after: Manifest["files"]): { added: string[]; changed: string[]; removed: string[] } {
  const old = new Map(before.map((f) => [f.path, f.sha256]));
  const now = new Map(after.map((f) => [f.path, f.sha256]));
  return {
    added: after.filter((f) => !old.has(f.path)).map((f) => f.path),
    changed: after.filter((f) => old.has(f.path) && old.get(f.path) !== f.sha256).map((f) => f.path),
    removed: before.filter((f) => !now.has(f.path)).map((f) => f.path),
  };
}
