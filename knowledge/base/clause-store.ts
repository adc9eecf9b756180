import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
import { LRUCache } from "lru-cache";
import type { ClauseLevel, ClauseRecord, ClauseStatus, Lang, RegulationRecord } from "../clause.js";
import type { ClauseSource } from "./clause-source.js";

/**
 * The clause store of a saved index: `regulations.json` (every regulation's record and
 * where its clauses sit in `clauses.bin`) and `clauses.bin` (one compact JSON blob per
 * regulation and language). Query time keeps only the regulation records in memory and
 * reads a regulation's clauses when it is first quoted, so the whole national database
 * (1.4 M clauses) opens in well under a second.
 */
export interface StoredRegulation {
  regulation: RegulationRecord;
  offset: number;
  length: number;
}

/** One clause in a blob: id below the article, level, verbatim text, status, chapter index (-1: none). */
export type StoredClause = [string, ClauseLevel, string, ClauseStatus, number];

export interface StoredBlob {
  /** Chapter headings (編章節) referred to by index. */
  chapters: string[];
  clauses: StoredClause[];
}

export const CLAUSE_STORE_FILES = { regulations: "regulations.json", clauses: "clauses.bin" } as const;

/** Regulations whose clauses stay decoded; a national index holds 14,000 of them. */
const CACHED_REGULATIONS = 512;

/** Turns a stored blob back into the clause records of one regulation. */
export function decodeClauses(regulation: RegulationRecord, blob: StoredBlob): ClauseRecord[] {
  return blob.clauses.map(([id, level, text, status, chapter]) => {
    const parts = id.split(":");
    const article = parts[1] ?? "";
    const heading = chapter >= 0 ? blob.chapters[chapter] : undefined;
    return {
      id,
      articleId: `${regulation.pcode}:${article}`,
      pcode: regulation.pcode,
      article,
      level,
      path: parts.slice(2).map(Number),
      lang: regulation.lang,
      lawName: regulation.name,
      lawNameZh: regulation.nameZh,
      ...(heading ? { chapter: heading } : {}),
      text,
      status,
      asOf: regulation.asOf,
      url: regulation.url,
    };
  });
}

/** The compact blob of one regulation's clauses (the inverse of decodeClauses). */
export function encodeClauses(clauses: ClauseRecord[]): StoredBlob {
  const chapters: string[] = [];
  const chapterIndex = new Map<string, number>();
  const stored = clauses.map((c): StoredClause => {
    let index = -1;
    if (c.chapter) {
      index = chapterIndex.get(c.chapter) ?? chapters.length;
      if (index === chapters.length) {
        chapters.push(c.chapter);
        chapterIndex.set(c.chapter, index);
      }
    }
    return [c.id, c.level, c.text, c.status, index];
  });
  return { chapters, clauses: stored };
}

/** Opens the clause store of an index folder read-only. */
export function openClauseStore(dir: string): ClauseSource & { entries: StoredRegulation[] } {
  const entries = JSON.parse(readFileSync(join(dir, CLAUSE_STORE_FILES.regulations), "utf8")) as StoredRegulation[];
  const byKey = new Map(entries.map((e) => [`${e.regulation.lang}|${e.regulation.pcode}`, e]));
  const path = join(dir, CLAUSE_STORE_FILES.clauses);
  const cache = new LRUCache<string, ClauseRecord[]>({ max: CACHED_REGULATIONS });
  return {
    entries,
    regulations: entries.map((e) => e.regulation),
    clausesOf(pcode: string, lang: Lang): ClauseRecord[] {
      const key = `${lang}|${pcode}`;
      const known = cache.get(key);
      if (known) return known;
      const entry = byKey.get(key);
      if (!entry) return [];
      const clauses = decodeClauses(entry.regulation, readBlob(path, entry));
      cache.set(key, clauses);
      return clauses;
    },
  };
}

/** Reads one regulation's blob from a clauses.bin file. */
export function readBlob(path: string, entry: { offset: number; length: number }): StoredBlob {
  const buffer = Buffer.alloc(entry.length);
  const fd = openSync(path, "r");
  try {
    readSync(fd, buffer, 0, entry.length, entry.offset);
  } finally {
    closeSync(fd);
  }
  return JSON.parse(buffer.toString("utf8")) as StoredBlob;
}
