/**
 * Migrations whose SQL reads the same in SQLite and PostgreSQL (plain ADD COLUMN / UPDATE):
 * written once, appended to both stores' lists so the two schemas cannot drift.
 */
export const SHARED_MIGRATIONS: Array<{ version: number; name: string; sql: string }> = [
  {
    version: 4,
    name: "corpus versions quoted: questions.corpus_version, questions.citation_versions, responses.corpus_version",
    sql: `
      ALTER TABLE questions ADD COLUMN corpus_version TEXT;
      ALTER TABLE questions ADD COLUMN citation_versions TEXT;
      ALTER TABLE responses ADD COLUMN corpus_version TEXT;
    `,
  },
  {
    version: 5,
    name: "deliveries: when the reply reached the user (delivered_at), so a platform retry re-sends a reply whose delivery failed",
    sql: `
      ALTER TABLE deliveries ADD COLUMN delivered_at TEXT;
      -- Replies recorded before this column existed were delivered or are too old to re-send.
      UPDATE deliveries SET delivered_at = at;
    `,
  },
  {
    // Columns only: null in older rows, so the hash chain of those rows is unchanged (canonicalJson leaves nulls out).
    version: 6,
    name: "how each answer was made (offline or model, clauses shown, sentences kept and dropped, fallback reason); 👎 reasons with the citation ids",
    sql: `
      ALTER TABLE questions ADD COLUMN answer_mode TEXT NOT NULL DEFAULT 'offline' CHECK (answer_mode IN ('offline', 'model'));
      ALTER TABLE questions ADD COLUMN model_provider TEXT;
      ALTER TABLE questions ADD COLUMN model_name TEXT;
      ALTER TABLE questions ADD COLUMN shown_clause_ids TEXT;
      ALTER TABLE questions ADD COLUMN sentences_kept TEXT;
      ALTER TABLE questions ADD COLUMN sentences_dropped TEXT;
      ALTER TABLE questions ADD COLUMN fallback_reason TEXT;
      ALTER TABLE questions ADD COLUMN fallback_detail TEXT;
      ALTER TABLE questions ADD COLUMN model_ms INTEGER;
      ALTER TABLE feedback ADD COLUMN reason TEXT CHECK (reason IS NULL OR reason IN ('wrong_clause', 'outdated', 'not_answered', 'other'));
      ALTER TABLE feedback ADD COLUMN citation_ids TEXT;
    `,
  },
];
