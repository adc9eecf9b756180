/**
 * Versioned schema migrations of the answer log, applied in order inside a transaction
 * each. Never edit a released migration: add the next one.
 */
export const MIGRATIONS: Array<{ version: number; name: string; sql: string }> = [
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
    name: "deliveries: when the reply reached the user (delivered_at), so a platform retry re-sends a reply whose delivery failed",
    sql: `
      ALTER TABLE deliveries ADD COLUMN delivered_at TEXT;
      -- Replies recorded before this column existed were delivered or are too old to re-send.
      UPDATE deliveries SET delivered_at = at;
    `,
  },
];
