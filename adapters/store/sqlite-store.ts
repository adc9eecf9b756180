import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { AssessmentStore, QuestionRecord, Reply, ResponseRecord, SessionRecord, TurnWrite } from "../../bot/index.js";
import { AppError, ErrorCodes } from "../../knowledge/index.js";
import { verifyEntries } from "./hash-chain.js";
import { MIGRATIONS } from "./migrations.js";
import { type ReportLinkStore, toReportLink } from "./report-link-store.js";
import { citesAny, citingPatterns, type Row, responseParams, sessionConflict, toAssessment, toEvent, toFeedback, toQuestion, toResponse } from "./rows.js";
import { insertChained, readChain, readHead } from "./sqlite-chain.js";

/**
 * The answer log in SQLite (better-sqlite3, WAL). Each turn is one transaction with
 * synchronous=FULL, so an answer acknowledged to the user survives a SIGKILL right after.
 */
export type SqliteStore = AssessmentStore & ReportLinkStore & { readonly db: Database.Database; schemaVersion(): number };

export function openSqliteStore(path: string): SqliteStore {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    migrate(db);
  } catch (error) {
    throw new AppError(ErrorCodes.STORE_FAILED, `Cannot open the answer log at ${path}: ${(error as Error).message}`, {
      cause: error,
      hint: "Check that DATA_DIR is writable and the file is a SQLite database.",
    });
  }

  const statements = {
    delivery: db.prepare("SELECT reply, delivered_at, at FROM deliveries WHERE channel = ? AND message_id = ?"),
    markDelivered: db.prepare("UPDATE deliveries SET delivered_at = ? WHERE channel = ? AND message_id = ? AND delivered_at IS NULL"),
    insertDelivery: db.prepare("INSERT INTO deliveries (channel, message_id, reply, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"),
    upsertAssessment: db.prepare(`
      INSERT INTO assessments (id, checklist_id, checklist_version, label, owner_id, owner_name, channel, shared_with, status, created_at, updated_at)
      VALUES (@id, @checklistId, @checklistVersion, @label, @ownerId, @ownerName, @channel, @sharedWith, @status, @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET label = excluded.label, shared_with = excluded.shared_with, status = excluded.status, updated_at = excluded.updated_at`),
    upsertResponse: db.prepare(`
      INSERT INTO responses (assessment_id, item_id, result, note, notes, user_id, user_name, channel, answered_at, checklist_version, clause_ids, corpus_version)
      VALUES (@assessmentId, @itemId, @result, @note, @notes, @userId, @userName, @channel, @answeredAt, @checklistVersion, @clauseIds, @corpusVersion)
      ON CONFLICT (assessment_id, item_id) DO UPDATE SET result = excluded.result, note = excluded.note, notes = excluded.notes, user_id = excluded.user_id,
        user_name = excluded.user_name, channel = excluded.channel, answered_at = excluded.answered_at,
        checklist_version = excluded.checklist_version, clause_ids = excluded.clause_ids, corpus_version = excluded.corpus_version`),
    upsertSession: db.prepare(`
      INSERT INTO sessions (channel, user_id, conversation_id, data, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (channel, user_id, conversation_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`),
    session: db.prepare("SELECT data FROM sessions WHERE channel = ? AND user_id = ? AND conversation_id = ?"),
    sessionVersion: db.prepare("SELECT updated_at FROM sessions WHERE channel = ? AND user_id = ? AND conversation_id = ?"),
    assessment: db.prepare("SELECT * FROM assessments WHERE id = ?"),
    assessmentsFor: db.prepare(
      "SELECT * FROM assessments WHERE owner_id = ? OR (shared_with IS NOT NULL AND shared_with = ?) ORDER BY updated_at DESC, created_at DESC, rowid DESC",
    ),
    responses: db.prepare("SELECT * FROM responses WHERE assessment_id = ? ORDER BY answered_at, item_id"),
    events: db.prepare("SELECT * FROM events WHERE assessment_id = ? ORDER BY seq"),
    question: db.prepare("SELECT * FROM questions WHERE id = ?"),
    feedback: db.prepare("SELECT * FROM feedback WHERE question_id = ? ORDER BY seq"),
    // A first cut by LIKE on the JSON text; the exact match on each id is done below.
    questionsLike: db.prepare("SELECT * FROM questions WHERE citation_ids LIKE ? ORDER BY asked_at, rowid"),
    responsesLike: db.prepare("SELECT * FROM responses WHERE clause_ids LIKE ? ORDER BY answered_at, item_id"),
  };

  const commitTurn = db.transaction((write: TurnWrite): { duplicate: boolean; reply: Reply; delivered: boolean; recordedAt: string } => {
    const recordedAt = new Date().toISOString();
    const inserted = statements.insertDelivery.run(write.channel, write.messageId, JSON.stringify(write.reply), recordedAt);
    if (inserted.changes === 0) {
      const row = statements.delivery.get(write.channel, write.messageId) as Row;
      return { duplicate: true, reply: JSON.parse(String(row.reply)) as Reply, delivered: row.delivered_at != null, recordedAt: String(row.at) };
    }
    for (const a of write.assessments ?? []) statements.upsertAssessment.run({ ownerName: null, sharedWith: null, ...a });
    for (const r of write.responses ?? []) statements.upsertResponse.run(responseParams(r));
    for (const s of write.sessions ?? []) {
      if (write.sessionBase !== undefined) {
        const row = statements.sessionVersion.get(s.channel, s.userId, s.conversationId) as Row | undefined;
        if ((row ? String(row.updated_at) : null) !== write.sessionBase) throw sessionConflict();
      }
      statements.upsertSession.run(s.channel, s.userId, s.conversationId, JSON.stringify(s), s.updatedAt);
    }
    insertChained(db, write);
    return { duplicate: false, reply: write.reply, delivered: false, recordedAt };
  });

  return {
    db,
    schemaVersion: () => Number((db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get() as Row).v ?? 0),
    async processed(channel, messageId) {
      const row = statements.delivery.get(channel, messageId) as Row | undefined;
      return row ? { reply: JSON.parse(String(row.reply)) as Reply, delivered: row.delivered_at != null, recordedAt: String(row.at) } : undefined;
    },
    async markDelivered(channel, messageId) {
      // Without the fsync of synchronous=FULL (about 2.5 ms here, on the event loop): a mark
      // lost to a power cut only means a platform retry re-sends the reply, and the next
      // turn's FULL commit makes it durable anyway (one WAL).
      db.pragma("synchronous = NORMAL");
      try {
        statements.markDelivered.run(new Date().toISOString(), channel, messageId);
      } finally {
        db.pragma("synchronous = FULL");
      }
    },
    async commit(write) {
      return commitTurn.immediate(write);
    },
    async session(channel, userId, conversationId) {
      const row = statements.session.get(channel, userId, conversationId) as Row | undefined;
      return row ? (JSON.parse(String(row.data)) as SessionRecord) : undefined;
    },
    async assessment(id) {
      const row = statements.assessment.get(id) as Row | undefined;
      return row ? toAssessment(row) : undefined;
    },
    async assessmentsFor(userId, teamId) {
      return (statements.assessmentsFor.all(userId, teamId ?? null) as Row[]).map(toAssessment);
    },
    async responses(assessmentId) {
      return (statements.responses.all(assessmentId) as Row[]).map(toResponse);
    },
    async events(assessmentId) {
      return (statements.events.all(assessmentId) as Row[]).map(toEvent);
    },
    async question(id) {
      const row = statements.question.get(id) as Row | undefined;
      return row ? toQuestion(row) : undefined;
    },
    async feedback(questionId) {
      return (statements.feedback.all(questionId) as Row[]).map(toFeedback);
    },
    async chainHead() {
      return readHead(db);
    },
    async verifyChain() {
      // One read transaction: a consistent snapshot while other processes keep writing.
      return db.transaction(() => verifyEntries(readChain(db), readHead(db)))();
    },
    async saveReportLink(link) {
      db.prepare("DELETE FROM report_links WHERE expires_at <= ?").run(Date.now());
      db.prepare(
        "INSERT INTO report_links (token_hash, assessment_id, lang, user_id, team_id, expires_at) VALUES (@tokenHash, @assessmentId, @lang, @userId, @teamId, @expiresAt)",
      ).run(link);
    },
    async reportLink(tokenHash, now) {
      const row = db.prepare("SELECT * FROM report_links WHERE token_hash = ? AND expires_at > ?").get(tokenHash, now) as Row | undefined;
      return row ? toReportLink(row) : undefined;
    },
    async questionsCiting(pcodes) {
      const wanted = new Set(pcodes);
      const rows = new Map<string, QuestionRecord>();
      for (const pattern of citingPatterns([...wanted])) {
        for (const row of statements.questionsLike.all(pattern) as Row[]) {
          const question = toQuestion(row);
          if (citesAny(question.citationIds, wanted)) rows.set(question.id, question);
        }
      }
      return [...rows.values()].sort((a, b) => a.askedAt.localeCompare(b.askedAt));
    },
    async responsesCiting(pcodes) {
      const wanted = new Set(pcodes);
      const rows = new Map<string, ResponseRecord>();
      for (const pattern of citingPatterns([...wanted])) {
        for (const row of statements.responsesLike.all(pattern) as Row[]) {
          const response = toResponse(row);
          if (citesAny(response.clauseIds, wanted)) rows.set(`${response.assessmentId}|${response.itemId}`, response);
        }
      }
      return [...rows.values()];
    },
    async close() {
      db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const applied = new Set((db.prepare("SELECT version FROM schema_migrations").all() as Row[]).map((r) => Number(r.version)));
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.backfill?.(db);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}
