import type Database from "better-sqlite3";
import { SHARED_MIGRATIONS } from "./shared-migrations.js";
import { chainLegacyRows } from "./sqlite-chain.js";

/**
 * Versioned schema migrations of the SQLite answer log, applied in order inside a
 * transaction each (`backfill` runs after `sql` in the same transaction). Never edit a
 * released migration: add the next one, and mirror it in postgres-migrations.ts.
 */
export const MIGRATIONS: Array<{ version: number; name: string; sql: string; backfill?: (db: Database.Database) => void }> = [
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
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
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
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
      CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

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
        abstained INTEGER NOT NULL,
        citation_ids TEXT NOT NULL,
        asked_at TEXT NOT NULL
      );

      CREATE TABLE feedback (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        question_id TEXT NOT NULL REFERENCES questions (id),
        user_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        value TEXT NOT NULL CHECK (value IN ('up', 'down')),
        at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: "hash chain over events, questions and feedback; appended notes on responses",
    sql: `
      DROP TRIGGER events_no_update;
      ALTER TABLE events ADD COLUMN chain_seq INTEGER;
      ALTER TABLE events ADD COLUMN prev_hash TEXT;
      ALTER TABLE events ADD COLUMN hash TEXT;
      ALTER TABLE questions ADD COLUMN chain_seq INTEGER;
      ALTER TABLE questions ADD COLUMN prev_hash TEXT;
      ALTER TABLE questions ADD COLUMN hash TEXT;
      ALTER TABLE feedback ADD COLUMN chain_seq INTEGER;
      ALTER TABLE feedback ADD COLUMN prev_hash TEXT;
      ALTER TABLE feedback ADD COLUMN hash TEXT;
      CREATE UNIQUE INDEX events_chain ON events (chain_seq);
      CREATE UNIQUE INDEX questions_chain ON questions (chain_seq);
      CREATE UNIQUE INDEX feedback_chain ON feedback (chain_seq);
      ALTER TABLE responses ADD COLUMN notes TEXT;
      CREATE TABLE chain_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL);
      INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, '${"0".repeat(64)}');
    `,
    // Rows written before the chain existed are chained once, oldest first; then the
    // append-only triggers cover questions and feedback as well as events.
    backfill: (db) => {
      chainLegacyRows(db);
      db.exec(`
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
        CREATE TRIGGER questions_no_update BEFORE UPDATE ON questions BEGIN SELECT RAISE(ABORT, 'questions are append-only'); END;
        CREATE TRIGGER questions_no_delete BEFORE DELETE ON questions BEGIN SELECT RAISE(ABORT, 'questions are append-only'); END;
        CREATE TRIGGER feedback_no_update BEFORE UPDATE ON feedback BEGIN SELECT RAISE(ABORT, 'feedback is append-only'); END;
        CREATE TRIGGER feedback_no_delete BEFORE DELETE ON feedback BEGIN SELECT RAISE(ABORT, 'feedback is append-only'); END;
      `);
    },
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
        expires_at INTEGER NOT NULL
      );
      `,
  },
  ...SHARED_MIGRATIONS,
];
