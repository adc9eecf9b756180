/**
 * Schema of DATA_DIR/versions.db. Article texts are stored once per distinct text: a row
 * covers the versions first_version..last_version in which the article read exactly so.
 */
export const VERSION_SCHEMA = `
  CREATE TABLE IF NOT EXISTS corpus_versions (
    version TEXT PRIMARY KEY,
    synced_at TEXT NOT NULL,
    source TEXT NOT NULL,
    regulations INTEGER NOT NULL,
    articles INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS regulation_versions (
    pcode TEXT NOT NULL,
    lang TEXT NOT NULL,
    version TEXT NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    modified TEXT NOT NULL,
    effective_date TEXT,
    effective_note TEXT,
    PRIMARY KEY (pcode, lang, version)
  );
  CREATE TABLE IF NOT EXISTS article_texts (
    article_id TEXT NOT NULL,
    lang TEXT NOT NULL,
    hash TEXT NOT NULL,
    text TEXT NOT NULL,
    first_version TEXT NOT NULL,
    last_version TEXT NOT NULL,
    took_effect TEXT,
    effective_basis TEXT NOT NULL,
    PRIMARY KEY (article_id, lang, first_version)
  );
  CREATE INDEX IF NOT EXISTS article_texts_current ON article_texts (last_version, lang, article_id);
  CREATE TABLE IF NOT EXISTS changes (
    version TEXT NOT NULL,
    previous TEXT,
    pcode TEXT NOT NULL,
    detail TEXT NOT NULL,
    PRIMARY KEY (version, pcode)
  );
`;

/** File name of the version store inside DATA_DIR. */
export const VERSIONS_FILE = "versions.db";
