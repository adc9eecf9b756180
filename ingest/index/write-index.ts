import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Embeddings } from "@langchain/core/embeddings";
import {
  type Analyzer,
  AppError,
  CLAUSE_STORE_FILES,
  type ClauseRecord,
  type ClauseStatus,
  type CorpusProblem,
  decodeClauses,
  ErrorCodes,
  encodeClauses,
  INDEX_FILES,
  type KnowledgeFiles,
  type RegulationRecord,
  readBlob,
  type StoredRegulation,
} from "../../knowledge/index.js";
import { createDuplicateGuard } from "../corpus/duplicate-guard.js";
import { parseMojFile } from "../moj/parse-moj-file.js";
import { trainModel1 } from "../translate/ibm-model1.js";
import { createPairCollector } from "../translate/pair-collector.js";
import type { EmbeddingCache } from "./embedding-cache.js";
import { createLexicalBuilder } from "./lexical-builder.js";
import { buildVectorStore, type EmbedReport, embedMissing, type VectorChunk, vectorChunks } from "./vector-index.js";

export interface WriteIndexOptions {
  paths: string[];
  files: KnowledgeFiles;
  analyzer: Analyzer;
  embeddings: Embeddings;
  cache: EmbeddingCache;
  today: string;
  /** The folder to write (a staging folder, swapped in by the caller). */
  target: string;
  /** The index being replaced, whose last good version of a file stands in when the file no longer parses. */
  previous?: { dir: string; entries: StoredRegulation[] };
  /** Regulations whose articles get vectors. */
  vectorScope: Set<string>;
  /** The regulations our knowledge describes: they set the average field lengths (lexical-builder.ts). */
  home: Set<string>;
  signal?: AbortSignal;
  onProgress?: (message: string) => void;
}

export interface WrittenIndex {
  regulations: number;
  articles: number;
  clauses: number;
  vectors: number;
  dimensions: number;
  problems: CorpusProblem[];
  embed: EmbedReport;
}

/**
 * Streams the corpus into an index folder, one file at a time: its clauses go to the
 * clause store, its articles to the postings, its aligned clauses to the translation
 * pairs; no whole-corpus structure of strings is ever held. Chinese files go before
 * English ones, so the authentic text decides the status of both.
 */
export async function writeIndex(options: WriteIndexOptions): Promise<WrittenIndex> {
  const { analyzer, files } = options;
  const ordered = [...options.paths.filter((p) => !isEnglishFolder(p)), ...options.paths.filter(isEnglishFolder)];
  const translated = new Set(options.paths.filter(isEnglishFolder).map((p) => p.replace(/^.*[\\/]/, "").replace(/\.json$/i, "")));
  const lastGood = new Map((options.previous?.entries ?? []).map((e) => [e.regulation.file, e]));
  const problems: CorpusProblem[] = [];
  const entries: StoredRegulation[] = [];
  const firstOfItsKind = createDuplicateGuard(problems);
  const zhRegulations = new Map<string, RegulationRecord>();
  const zhStatus = new Map<string, ClauseStatus>();
  const lexical = createLexicalBuilder();
  const pairs = createPairCollector(analyzer, options.home, translated);
  const notes = new Map(files.notes.notes.map((n) => [n.id, analyzer.terms([n.zh, n.en, ...n.keywords].join("\n"))]));
  const aliases = new Map(files.sources.regulations.map((s) => [s.pcode, s.aliases]));
  const chunks: VectorChunk[] = [];
  let clauseCount = 0;
  let articleCount = 0;
  let offset = 0;

  mkdirSync(options.target, { recursive: true });
  const fd = openSync(join(options.target, CLAUSE_STORE_FILES.clauses), "w");
  try {
    for (const [n, path] of ordered.entries()) {
      if (n % 25 === 0) {
        // Let signals and timers run between files; a cancelled build stops here.
        await new Promise((resolve) => setImmediate(resolve));
        if (options.signal?.aborted) throw new AppError(ErrorCodes.BUILD_CANCELLED, "The index build was cancelled; the current index is unchanged.");
        if (n > 0 && n % 1000 === 0) options.onProgress?.(`Indexed ${n}/${ordered.length} files`);
      }
      const read = readRegulation(path, options.today, lastGood, options.previous?.dir, problems);
      if (!read) continue;
      let { regulation, clauses } = read;
      if (!firstOfItsKind(path, regulation)) continue;
      if (regulation.lang === "zh") {
        zhRegulations.set(regulation.pcode, regulation);
        for (const c of clauses) if (c.level === "article" && c.status !== "in_force") zhStatus.set(c.articleId, c.status);
      } else {
        ({ regulation, clauses } = withChineseStatus(regulation, clauses, zhRegulations.get(regulation.pcode), zhStatus));
      }
      const blob = Buffer.from(JSON.stringify(encodeClauses(clauses)), "utf8");
      writeSync(fd, blob);
      entries.push({ regulation, offset, length: blob.length });
      offset += blob.length;
      clauseCount += clauses.length;

      // The name field: official name, our aliases and the category (法規類別, e.g. 行政＞交通部＞觀光目),
      // which carries the sector for regulations no one wrote notes for.
      const nameText = regulation.lang === "zh" ? [regulation.name, ...(aliases.get(regulation.pcode) ?? []), regulation.category ?? ""] : [regulation.name];
      const nameTerms = analyzer.terms(nameText.join("\n"));
      const chapterTerms = new Map<string, string[]>();
      for (const article of clauses) {
        if (article.level !== "article") continue;
        articleCount++;
        if (article.status === "deleted") continue;
        const before = lexical.size;
        const doc = lexical.doc(article.articleId, article.pcode, article.status);
        if (lexical.size > before) lexical.addField(doc, "notes", notes.get(article.articleId) ?? []);
        lexical.addField(doc, article.lang === "en" ? "en" : "body", analyzer.terms(article.text));
        lexical.addField(doc, "name", nameTerms);
        if (article.chapter) {
          const terms = chapterTerms.get(article.chapter) ?? analyzer.terms(article.chapter);
          chapterTerms.set(article.chapter, terms);
          lexical.addField(doc, "chapter", terms);
        }
      }
      if (regulation.lang === "zh") pairs.addZh(clauses);
      else pairs.addEn(clauses);
      if (options.vectorScope.has(regulation.pcode)) chunks.push(...vectorChunks(clauses.filter((c) => c.level === "article")));
    }
  } finally {
    closeSync(fd);
  }
  writeFileSync(join(options.target, CLAUSE_STORE_FILES.regulations), JSON.stringify(entries));

  options.onProgress?.(`Writing the postings of ${lexical.size} articles`);
  const { docs, postings } = lexical.finish(options.home);
  writeFileSync(
    join(options.target, INDEX_FILES.docs),
    JSON.stringify({ ids: docs.map((d) => d.id), pcodes: docs.map((d) => d.pcode), status: docs.map((d) => d.status) }),
  );
  writeFileSync(join(options.target, INDEX_FILES.terms), JSON.stringify(postings.terms));
  writeFileSync(join(options.target, INDEX_FILES.offsets), new Uint8Array(postings.offsets.buffer, postings.offsets.byteOffset, postings.offsets.byteLength));
  writeFileSync(join(options.target, INDEX_FILES.postingDocs), new Uint8Array(postings.docs.buffer, postings.docs.byteOffset, postings.docs.byteLength));
  writeFileSync(join(options.target, INDEX_FILES.postingTf), new Uint8Array(postings.tf.buffer, postings.tf.byteOffset, postings.tf.byteLength));

  options.onProgress?.("Learning the translation table from the aligned texts");
  writeFileSync(join(options.target, INDEX_FILES.translation), JSON.stringify(trainModel1(pairs.pairs(files.glossary.terms))));

  const embed = await embedMissing(chunks, options.embeddings, options.cache, (done, total) => options.onProgress?.(`Embedding ${done}/${total} texts`));
  options.cache.retain(new Set(chunks.map((c) => c.hash)));
  let dimensions = options.cache.get(chunks[0]?.hash ?? "")?.length ?? 0;
  if (chunks.length > 0) {
    const store = await buildVectorStore(chunks, options.embeddings, options.cache);
    await store.save(join(options.target, INDEX_FILES.vectors));
  } else {
    dimensions = (await options.embeddings.embedQuery("個人資料")).length;
  }
  options.cache.save(options.target);
  return { regulations: entries.length, articles: articleCount, clauses: clauseCount, vectors: chunks.length, dimensions, problems, embed };
}

function isEnglishFolder(path: string): boolean {
  return /[\\/]en[\\/][^\\/]+$/i.test(path);
}

/**
 * Reads and parses one file. When it no longer parses and the index being replaced held a
 * good version of it, that version stays (reported), instead of dropping the regulation.
 */
function readRegulation(
  path: string,
  today: string,
  lastGood: Map<string, StoredRegulation>,
  previousDir: string | undefined,
  problems: CorpusProblem[],
): { regulation: RegulationRecord; clauses: ClauseRecord[] } | undefined {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (error) {
    problems.push({ file: path, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
    return undefined;
  }
  const result = parseMojFile(path, raw, today);
  if (result.ok) {
    for (const reason of result.value.skipped) problems.push({ file: path, reason });
    return result.value;
  }
  const good = lastGood.get(path);
  if (good && previousDir) {
    try {
      const clauses = decodeClauses(good.regulation, readBlob(join(previousDir, CLAUSE_STORE_FILES.clauses), good));
      problems.push({ file: path, reason: `${result.reason}; the last good version (${good.regulation.asOf}) stays in the index` });
      return { regulation: good.regulation, clauses };
    } catch {
      // The old index is unreadable too: report the file as skipped below.
    }
  }
  problems.push({ file: path, reason: result.reason });
  return undefined;
}

/** English files carry neither 生效日期 nor always the repeal flag: the Chinese text decides for both. */
function withChineseStatus(
  regulation: RegulationRecord,
  clauses: ClauseRecord[],
  zh: RegulationRecord | undefined,
  zhStatus: Map<string, ClauseStatus>,
): { regulation: RegulationRecord; clauses: ClauseRecord[] } {
  if (!zh) return { regulation, clauses };
  const updated: RegulationRecord = { ...regulation, status: zh.status, notInForceArticles: zh.notInForceArticles };
  if (zh.effectiveNote) updated.effectiveNote = zh.effectiveNote;
  return {
    regulation: updated,
    clauses: clauses.map((c) => ({ ...c, status: zhStatus.get(c.articleId) ?? (c.status === "deleted" ? "deleted" : "in_force") })),
  };
}
