import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { type ClauseRecord, type CorpusChange, type RegulationChange, type RegulationRecord, VERSION_SCHEMA } from "../../knowledge/index.js";
import { diffRegulation, type RegulationState } from "./diff-regulations.js";

type Row = Record<string, unknown>;

export interface VersionInput {
  version: string;
  source: string;
  syncedAt: string;
  regulations: RegulationRecord[];
  /** Article-level records only. */
  articles: ClauseRecord[];
  /** 生效日期 per `pcode/lang`, ISO (9999-12-31 = some article not yet in force). */
  effectiveDates: Map<string, string>;
}

/**
 * Writes one corpus version to the version store and returns its change report, in one
 * transaction: a text already stored extends its range of versions, a new text gets a new
 * row with the date it took effect as far as the file tells (生效日期 when given, else
 * 最新異動日期; none for an article the file says is not yet in force).
 */
export function recordVersion(path: string, input: VersionInput): CorpusChange {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    db.exec(VERSION_SCHEMA);
    return db.transaction(() => write(db, input)).immediate();
  } finally {
    db.close();
  }
}

/** The latest version recorded and its Chinese regulation count, for plausibility checks before a sync. */
export function latestVersion(path: string): { version: string; zhRegulations: number } | undefined {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch {
    return undefined;
  }
  try {
    const row = db.prepare("SELECT version FROM corpus_versions ORDER BY version DESC LIMIT 1").get() as Row | undefined;
    if (!row) return undefined;
    const count = db.prepare("SELECT COUNT(*) AS n FROM regulation_versions WHERE version = ? AND lang = 'zh'").get(row.version) as Row;
    return { version: String(row.version), zhRegulations: Number(count.n) };
  } finally {
    db.close();
  }
}

function write(db: Database.Database, input: VersionInput): CorpusChange {
  const { version } = input;
  const previousRow = db.prepare("SELECT version FROM corpus_versions WHERE version < ? ORDER BY version DESC LIMIT 1").get(version) as Row | undefined;
  const previous = previousRow ? String(previousRow.version) : undefined;
  // Re-running the same version replaces it: forget what it wrote before.
  db.prepare("DELETE FROM changes WHERE version = ?").run(version);
  db.prepare("DELETE FROM regulation_versions WHERE version = ?").run(version);
  db.prepare("DELETE FROM article_texts WHERE first_version = ?").run(version);
  db.prepare("UPDATE article_texts SET last_version = ? WHERE last_version = ?").run(previous ?? "", version);

  const before = previous ? loadStates(db, previous) : new Map<string, RegulationState>();
  const insertRegulation = db.prepare(
    "INSERT INTO regulation_versions (pcode, lang, version, name, status, modified, effective_date, effective_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  for (const r of input.regulations) {
    const effective = input.effectiveDates.get(`${r.pcode}/${r.lang}`) ?? null;
    insertRegulation.run(r.pcode, r.lang, version, r.name, r.status, r.asOf, effective, r.effectiveNote ?? null);
  }

  const existing = db.prepare("SELECT rowid, hash FROM article_texts WHERE article_id = ? AND lang = ? AND last_version = ?");
  const extend = db.prepare("UPDATE article_texts SET last_version = ? WHERE rowid = ?");
  const insertText = db.prepare(
    "INSERT INTO article_texts (article_id, lang, hash, text, first_version, last_version, took_effect, effective_basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const regulations = new Map(input.regulations.map((r) => [`${r.pcode}/${r.lang}`, r]));
  // A few files print the same article number twice; the knowledge base keeps the last one, and so does this.
  const articles = new Map(input.articles.map((a) => [`${a.articleId}|${a.lang}`, a]));
  for (const article of articles.values()) {
    const hash = createHash("sha256").update(article.text).digest("hex").slice(0, 32);
    const row = previous ? (existing.get(article.articleId, article.lang, previous) as Row | undefined) : undefined;
    if (row && row.hash === hash) {
      extend.run(version, row.rowid);
      continue;
    }
    const regulation = regulations.get(`${article.pcode}/${article.lang}`);
    const { tookEffect, basis } = effectiveOf(article, regulation, input.effectiveDates.get(`${article.pcode}/zh`), previous === undefined);
    insertText.run(article.articleId, article.lang, hash, article.text, version, version, tookEffect ?? null, basis);
  }

  const after = statesOf(input);
  const changes: RegulationChange[] = [];
  if (previous) {
    for (const pcode of new Set([...before.keys(), ...after.keys()])) {
      const change = diffRegulation(before.get(pcode), after.get(pcode));
      if (change) changes.push(change);
    }
  }
  changes.sort((a, b) => a.pcode.localeCompare(b.pcode));
  const insertChange = db.prepare("INSERT INTO changes (version, previous, pcode, detail) VALUES (?, ?, ?, ?)");
  for (const change of changes) insertChange.run(version, previous ?? null, change.pcode, JSON.stringify(change));
  db.prepare("INSERT OR REPLACE INTO corpus_versions (version, synced_at, source, regulations, articles) VALUES (?, ?, ?, ?, ?)").run(
    version,
    input.syncedAt,
    input.source,
    input.regulations.filter((r) => r.lang === "zh").length,
    [...articles.values()].filter((a) => a.lang === "zh").length,
  );
  return { version, ...(previous ? { previous } : {}), syncedAt: input.syncedAt, source: input.source, regulations: changes };
}

function effectiveOf(
  article: ClauseRecord,
  regulation: RegulationRecord | undefined,
  effectiveDate: string | undefined,
  firstSync: boolean,
): { tookEffect?: string; basis: "effective-date" | "modified-date" | "not-in-force" | "first-seen" } {
  if (article.status === "not_yet_in_force") return { basis: "not-in-force" };
  // On the first sync an unchanged text may be far older than the file's last amendment.
  if (firstSync) return { tookEffect: article.asOf, basis: "first-seen" };
  if (effectiveDate && effectiveDate !== "9999-12-31") return { tookEffect: effectiveDate, basis: "effective-date" };
  return { tookEffect: regulation?.asOf ?? article.asOf, basis: "modified-date" };
}

function statesOf(input: VersionInput): Map<string, RegulationState> {
  const states = new Map<string, RegulationState>();
  for (const r of input.regulations) {
    if (r.lang === "zh") states.set(r.pcode, { pcode: r.pcode, name: r.name, status: r.status, modified: r.asOf, articles: new Map() });
  }
  for (const a of input.articles) if (a.lang === "zh") states.get(a.pcode)?.articles.set(a.article, a.text);
  return states;
}

function loadStates(db: Database.Database, version: string): Map<string, RegulationState> {
  const states = new Map<string, RegulationState>();
  for (const r of db.prepare("SELECT * FROM regulation_versions WHERE version = ? AND lang = 'zh'").all(version) as Row[]) {
    const pcode = String(r.pcode);
    states.set(pcode, { pcode, name: String(r.name), status: String(r.status), modified: String(r.modified), articles: new Map() });
  }
  for (const a of db.prepare("SELECT article_id, text FROM article_texts WHERE last_version = ? AND lang = 'zh'").all(version) as Row[]) {
    const [pcode, article] = String(a.article_id).split(":");
    if (pcode && article) states.get(pcode)?.articles.set(article, String(a.text));
  }
  return states;
}
