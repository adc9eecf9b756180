import { SHARED_MIGRATIONS } from "./shared-migrations.js";
/**
 * Versioned schema migrations of the PostgreSQL answer log. Version N mirrors SQLite
 * migration N (migrations.ts) so both stores hold the same records; times are kept as
 * ISO-8601 text exactly as written, so records (and their chain hashes) read back
 * identical in both stores. Never edit a released migration: add the next one.
 */
export const PG_MIGRATIONS: Array<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: "assessments, responses, append-only events, sessions, deliveries, questions, feedback",
    sql: `
      CREATE TABLE assessments (
        id TEXT PRIMARY KEY,
        checklist_id TEXT NOT NULL,
        checklist_version TEXT NOT NULL,
        label TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        owner_name TEXT,
        channel TEXT NOT NULL,
        shared_with TEXT,
        status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'completed')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX assessments_owner ON assessments (owner_id);
      CREATE INDEX assessments_shared ON assessments (shared_with);

      CREATE TABLE responses (
        assessment_id TEXT NOT NULL REFERENCES assessments (id),
        item_id TEXT NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('yes', 'no', 'na')),
        note TEXT,
        user_id TEXT NOT NULL,
        user_name TEXT,
        channel TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        checklist_version TEXT NOT NULL,
        clause_ids TEXT NOT NULL,
        PRIMARY KEY (assessment_id, item_id)
      );

      CREATE TABLE events (
        seq BIGSERIAL PRIMARY KEY,
        assessment_id TEXT NOT NULL,
        type TEXT NOT NULL,
        item_id TEXT,
        result TEXT,
        note TEXT,
        user_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        message_id TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX events_assessment ON events (assessment_id, seq);

      CREATE TABLE sessions (
        channel TEXT NOT NULL,
        user_id TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (channel, user_id, conversation_id)
      );

      CREATE TABLE deliveries (
        channel TEXT NOT NULL,
        message_id TEXT NOT NULL,
        reply TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (channel, message_id)
      );

      CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        channel TEXT NOT NULL,
        user_id TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        question TEXT NOT NULL,
        lang TEXT NOT NULL,
        abstained BOOLEAN NOT NULL,
        citation_ids TEXT NOT NULL,
        asked_at TEXT NOT NULL
      );

      CREATE TABLE feedback (
        seq BIGSERIAL PRIMARY KEY,
        question_id TEXT NOT NULL REFERENCES questions (id),
        user_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        value TEXT NOT NULL CHECK (value IN ('up', 'down')),
        at TEXT NOT NULL
      );

      CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% are append-only', TG_TABLE_NAME;
      END $$;
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION append_only();
      CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION append_only();
    `,
  },
  {
    // The PostgreSQL store started at this version, so there are no unchained rows to backfill.
    version: 2,
    name: "hash chain over events, questions and feedback; appended notes on responses",
    sql: `
      ALTER TABLE events ADD COLUMN chain_seq BIGINT UNIQUE, ADD COLUMN prev_hash TEXT, ADD COLUMN hash TEXT;
      ALTER TABLE questions ADD COLUMN chain_seq BIGINT UNIQUE, ADD COLUMN prev_hash TEXT, ADD COLUMN hash TEXT;
      ALTER TABLE feedback ADD COLUMN chain_seq BIGINT UNIQUE, ADD COLUMN prev_hash TEXT, ADD COLUMN hash TEXT;
      ALTER TABLE responses ADD COLUMN notes TEXT;
      CREATE TABLE chain_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL, hash TEXT NOT NULL);
      INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, '${"0".repeat(64)}');
      CREATE TRIGGER questions_append_only BEFORE UPDATE OR DELETE ON questions FOR EACH ROW EXECUTE FUNCTION append_only();
      CREATE TRIGGER questions_no_truncate BEFORE TRUNCATE ON questions FOR EACH STATEMENT EXECUTE FUNCTION append_only();
      CREATE TRIGGER feedback_append_only BEFORE UPDATE OR DELETE ON feedback FOR EACH ROW EXECUTE FUNCTION append_only();
      CREATE TRIGGER feedback_no_truncate BEFORE TRUNCATE ON feedback FOR EACH STATEMENT EXECUTE FUNCTION append_only();
    `,
  },
  {
    version: 3,
    name: "report download links shared by every process",
    sql: `
      CREATE TABLE report_links (
        token_hash TEXT PRIMARY KEY,
        assessment_id TEXT NOT NULL,
        lang TEXT NOT NULL,
        user_id TEXT NOT NULL,
        team_id TEXT NOT NULL,
        expires_at BIGINT NOT NULL
      );
    `,
  },
  ...SHARED_MIGRATIONS,
];
