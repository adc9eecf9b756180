import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import type { Lang } from "../clause.js";
import type { ArticleHistory, ArticleVersion, CorpusChange, CorpusVersionInfo, RegulationChange } from "./history.js";

type Row = Record<string, unknown>;

/** Opens the version store read-only; undefined when no sync has written one yet. */
export function openArticleHistory(path: string): ArticleHistory | undefined {
  if (!existsSync(path)) return undefined;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  const statements = {
    versions: db.prepare("SELECT * FROM corpus_versions ORDER BY version"),
    textAt: db.prepare(
      "SELECT * FROM article_texts WHERE article_id = ? AND lang = ? AND first_version <= ? AND last_version >= ? ORDER BY first_version DESC LIMIT 1",
    ),
    regulationAt: db.prepare("SELECT * FROM regulation_versions WHERE pcode = ? AND lang = ? AND version <= ? ORDER BY version DESC LIMIT 1"),
    history: db.prepare("SELECT * FROM article_texts WHERE article_id = ? AND lang = ? ORDER BY first_version DESC LIMIT 2"),
    changes: db.prepare("SELECT * FROM changes WHERE version > ? ORDER BY version, pcode"),
  };
  const versions = (): CorpusVersionInfo[] =>
    (statements.versions.all() as Row[]).map((r) => ({
      version: String(r.version),
      syncedAt: String(r.synced_at),
      source: String(r.source),
      regulations: Number(r.regulations),
      articles: Number(r.articles),
    }));
  return {
    currentVersion: () => versions().at(-1)?.version,
    versions,
    textAt(articleId, lang, version) {
      const row = statements.textAt.get(articleId, lang, version, version) as Row | undefined;
      return row ? toArticleVersion(row) : undefined;
    },
    regulationAt(pcode, lang, version) {
      const row = statements.regulationAt.get(pcode, lang, version) as Row | undefined;
      return row ? { name: String(row.name), status: String(row.status), modified: String(row.modified) } : undefined;
    },
    previousText(articleId, lang) {
      const current = versions().at(-1)?.version;
      const [latest, earlier] = statements.history.all(articleId, lang) as Row[];
      // Only when the newest text is the current one: an article dropped from the corpus has no "previous".
      if (!latest || !earlier || String(latest.last_version) !== current) return undefined;
      return toArticleVersion(earlier);
    },
    changes(since) {
      const infos = new Map(versions().map((v) => [v.version, v]));
      const byVersion = new Map<string, CorpusChange>();
      for (const row of statements.changes.all(since ?? "") as Row[]) {
        const version = String(row.version);
        let entry = byVersion.get(version);
        if (!entry) {
          const info = infos.get(version);
          entry = {
            version,
            ...(row.previous ? { previous: String(row.previous) } : {}),
            syncedAt: info?.syncedAt ?? "",
            source: info?.source ?? "",
            regulations: [],
          };
          byVersion.set(version, entry);
        }
        entry.regulations.push(JSON.parse(String(row.detail)) as RegulationChange);
      }
      // A sync that changed nothing still counts as a version.
      for (const info of infos.values()) {
        if (info.version > (since ?? "") && !byVersion.has(info.version)) {
          byVersion.set(info.version, { version: info.version, syncedAt: info.syncedAt, source: info.source, regulations: [] });
        }
      }
      return [...byVersion.values()].sort((a, b) => a.version.localeCompare(b.version));
    },
    close: () => db.close(),
  };
}

function toArticleVersion(row: Row): ArticleVersion {
  return {
    articleId: String(row.article_id),
    lang: row.lang as Lang,
    text: String(row.text),
    firstVersion: String(row.first_version),
    lastVersion: String(row.last_version),
    ...(row.took_effect ? { tookEffect: String(row.took_effect) } : {}),
    effectiveBasis: row.effective_basis as ArticleVersion["effectiveBasis"],
  };
}
