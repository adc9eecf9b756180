import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { Embeddings } from "@langchain/core/embeddings";
import {
  AppError,
  type CorpusProblem,
  createDomainAnalyzer,
  createEmbeddings,
  createGlossaryMatcher,
  createKnowledgeBase,
  type EmbeddingsConfig,
  ErrorCodes,
  INDEX_FORMAT,
  type KnowledgeBase,
  type LexicalData,
  type LexicalSide,
  loadKnowledgeFiles,
  type Manifest,
  openIndex,
  readManifest,
  type VectorSearch,
} from "../../knowledge/index.js";
import { loadCorpus } from "../corpus/load-corpus.js";
import { loadEmbeddingCache } from "./embedding-cache.js";
import { buildLexicalData } from "./lexical-data.js";
import { buildVectorStore, embedMissing, sha256, vectorChunks } from "./vector-index.js";

export interface IndexOptions {
  corpusDirs: string[];
  knowledgeDir: string;
  indexDir: string;
  /** ISO date used to decide what is in force. */
  today: string;
  embeddings: EmbeddingsConfig;
  onProgress?: (message: string) => void;
}

export type IndexStatus = "up-to-date" | "built" | "updated" | "rebuilt";

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
  vectors: VectorSearch;
  embeddings: Embeddings;
  manifest: Manifest;
  report: IndexReport;
}

/**
 * Opens the index for the current corpus, knowledge and embedding model, building or
 * refreshing it first when the manifest does not match (then opening it read-only). An unchanged corpus costs only
 * reading it; a changed file costs embedding only the texts that changed.
 */
export async function ensureIndex(options: IndexOptions): Promise<OpenedIndex> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const files = loadKnowledgeFiles(options.knowledgeDir);
  const corpus = loadCorpus(options.corpusDirs, options.today);
  if (corpus.regulations.length === 0) {
    throw new AppError(ErrorCodes.CORPUS_EMPTY, `No regulation files could be read from ${options.corpusDirs.join(", ") || "(no directory configured)"}`, {
      hint: "Set REGULATIONS_DIR to a folder holding the MOJ open-data files (zh/PCODE.json, en/PCODE.json).",
    });
  }
  const kb = createKnowledgeBase(corpus, files);
  const fileHashes = corpus.files.map((f) => ({ path: resolve(f.path), sha256: sha256(f.raw) }));
  const knowledgeHash = sha256(`${INDEX_FORMAT}\n${files.raw.map((f) => `${f.path}\n${f.raw}`).join("\n")}`);
  const corpusHash = sha256(fileHashes.map((f) => `${f.path}:${f.sha256}`).join("\n") + knowledgeHash);
  const analyzer = createDomainAnalyzer(kb);
  const choice = await createEmbeddings(options.embeddings, {
    analyzer,
    glossary: createGlossaryMatcher(files.glossary.terms),
    knowledgeVersion: knowledgeHash.slice(0, 12),
  });

  const manifestPath = join(options.indexDir, "manifest.json");
  const previous = readManifest(manifestPath);
  const diff = diffFiles(previous && !("invalid" in previous) ? previous.files : [], fileHashes);
  let reason: string | undefined;
  let status: IndexStatus = "built";
  if (previous && "invalid" in previous) {
    status = "rebuilt";
    reason = `manifest unreadable (${previous.invalid})`;
  } else if (previous && previous.format !== INDEX_FORMAT) {
    status = "rebuilt";
    reason = `index format ${previous.format} is outdated (now ${INDEX_FORMAT})`;
  } else if (previous && previous.embedding.id !== choice.id) {
    status = "rebuilt";
    reason = `embedding model changed (${previous.embedding.id} -> ${choice.id})`;
  } else if (previous && previous.corpusHash === corpusHash) {
    const loaded = await openIndex(options.indexDir, previous, kb, choice.embeddings);
    if (typeof loaded !== "string") {
      const report = {
        status: "up-to-date" as const,
        added: [],
        changed: [],
        removed: [],
        embedded: 0,
        reused: previous.counts.vectors,
        problems: corpus.problems,
        embeddingId: choice.id,
        ms: performance.now() - started,
      };
      return { kb, ...loaded, embeddings: choice.embeddings, manifest: previous, report };
    }
    status = "rebuilt";
    reason = loaded;
  } else if (previous) {
    status = "updated";
  }

  progress(status === "built" ? "Building the index (first use)..." : `Refreshing the index${reason ? ` (${reason})` : ""}...`);
  const lexical = buildLexicalData(kb);
  const chunks = vectorChunks(kb.articles);
  const cache = loadEmbeddingCache(options.indexDir, choice.id);
  const embedReport = await embedMissing(chunks, choice.embeddings, cache, (done, total) => progress(`Embedding ${done}/${total} texts`));
  cache.retain(new Set(chunks.map((c) => c.hash)));
  const store = await buildVectorStore(chunks, choice.embeddings, cache);
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    embedding: { id: choice.id, dimensions: cache.get(chunks[0]?.hash ?? "")?.length ?? 0 },
    corpusHash,
    files: fileHashes,
    knowledgeHash,
    builtAt: new Date().toISOString(),
    counts: { regulations: corpus.regulations.length, articles: kb.articles.length, clauses: corpus.clauses.length, vectors: chunks.length },
  };
  await saveIndex(options.indexDir, manifest, lexical, store, cache);
  const report: IndexReport = {
    status,
    ...(reason ? { reason } : {}),
    ...diff,
    ...embedReport,
    problems: corpus.problems,
    embeddingId: choice.id,
    ms: performance.now() - started,
  };
  const opened = await openIndex(options.indexDir, manifest, kb, choice.embeddings);
  if (typeof opened === "string") throw new AppError(ErrorCodes.INDEX_CORRUPT, `The index just written cannot be opened: ${opened}`);
  return { kb, ...opened, embeddings: choice.embeddings, manifest, report };
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

/** Writes the whole index to a sibling folder, then swaps it in, so a crash never leaves half an index. */
async function saveIndex(dir: string, manifest: Manifest, lexical: LexicalData, store: HNSWLib, cache: ReturnType<typeof loadEmbeddingCache>): Promise<void> {
  const staging = `${dir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  await store.save(join(staging, "vectors"));
  cache.save(staging);
  writeFileSync(join(staging, "lexical.json"), JSON.stringify({ docs: lexical.docs, translation: lexical.translation }));
  // The manifest goes last: its presence marks a complete index.
  writeFileSync(join(staging, "manifest.json"), JSON.stringify(manifest, null, 2));
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
}
