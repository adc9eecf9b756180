import type { Lang } from "../clause.js";

/**
 * What the version store (DATA_DIR/versions.db, written by `npm run cli -- sync`) knows:
 * every corpus version (the open data's UpdateDate), each article text with the versions
 * it was current in, and the change report of each sync. Query time reads it; only
 * ingest/versions writes it.
 */

/** One text of one article, as it stood in versions `firstVersion`..`lastVersion`. */
export interface ArticleVersion {
  articleId: string;
  lang: Lang;
  /** Verbatim article text, paragraphs joined by "\n" (as ClauseRecord.text). */
  text: string;
  firstVersion: string;
  lastVersion: string;
  /** Date this text took effect as far as the data tells (生效日期, else 最新異動日期); undefined = not yet in force or unknown. */
  tookEffect?: string;
  /** Where `tookEffect` comes from. */
  effectiveBasis: "effective-date" | "modified-date" | "not-in-force" | "first-seen";
}

export type RegulationChangeKind = "added" | "removed" | "repealed" | "renamed" | "amended";

/** What one sync changed in one regulation (Chinese text, the authentic one). */
export interface RegulationChange {
  pcode: string;
  name: string;
  previousName?: string;
  kinds: RegulationChangeKind[];
  /** 最新異動日期 of the new text, ISO. */
  modified?: string;
  articles: { added: string[]; changed: string[]; deleted: string[] };
}

/** One sync: the version it brought in, the one before, and what changed. */
export interface CorpusChange {
  version: string;
  previous?: string;
  syncedAt: string;
  source: string;
  regulations: RegulationChange[];
}

export interface CorpusVersionInfo {
  version: string;
  syncedAt: string;
  source: string;
  regulations: number;
  articles: number;
}

export interface ArticleHistory {
  /** The corpus version the current corpus directory holds. */
  currentVersion(): string | undefined;
  versions(): CorpusVersionInfo[];
  /** The text of an article as it stood in `version`. */
  textAt(articleId: string, lang: Lang, version: string): ArticleVersion | undefined;
  /** Name and status of a regulation as of `version`. */
  regulationAt(pcode: string, lang: Lang, version: string): { name: string; status: string; modified: string } | undefined;
  /** The most recent earlier text that differs from the current one (the text in force before an amendment). */
  previousText(articleId: string, lang: Lang): ArticleVersion | undefined;
  /** Change reports of the syncs after `since` (a version date), oldest first; all when absent. */
  changes(since?: string): CorpusChange[];
  close(): void;
}

/** Article ids a change touches: changed or deleted articles, and every article of a repealed or removed regulation (as `PCODE:*`). */
export function touchedIds(change: RegulationChange): { articles: string[]; wholeRegulation: boolean } {
  const wholeRegulation = change.kinds.includes("repealed") || change.kinds.includes("removed");
  return { articles: [...change.articles.changed, ...change.articles.deleted], wholeRegulation };
}
