import type Database from "better-sqlite3";
import type { ChainHead, TurnWrite } from "../../bot/index.js";
import { type ChainEntry, type ChainKind, chainEntryOf, extendChain } from "./hash-chain.js";
import { eventParams, feedbackParams, questionParams, type Row, toEvent, toFeedback, toQuestion } from "./rows.js";

/** The chained tables: their kind, their own key column and the row mapper. */
const TABLES: Array<{ kind: ChainKind; table: string; key: string; time: string; toRecord: (row: Row) => object }> = [
  { kind: "event", table: "events", key: "seq", time: "at", toRecord: toEvent },
  { kind: "question", table: "questions", key: "id", time: "asked_at", toRecord: toQuestion },
  { kind: "feedback", table: "feedback", key: "seq", time: "at", toRecord: toFeedback },
];

export function readHead(db: Database.Database): ChainHead {
  const row = db.prepare("SELECT seq, hash FROM chain_head WHERE id = 1").get() as Row | undefined;
  return { seq: Number(row?.seq ?? 0), hash: String(row?.hash ?? "") };
}

function writeHead(db: Database.Database, head: ChainHead): void {
  db.prepare("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1").run(head.seq, head.hash);
}

/** The next AUTOINCREMENT key of a table (inside the write transaction, so no one else takes it). */
function nextKey(db: Database.Database, table: string): number {
  const row = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = ?").get(table) as Row | undefined;
  return Number(row?.seq ?? 0) + 1;
}

/** Inserts the turn's events, questions and feedback with their chain hashes, and moves the head. Call inside the turn's transaction. */
export function insertChained(db: Database.Database, write: TurnWrite): void {
  const events = write.events ?? [];
  const questions = write.questions ?? [];
  const feedback = write.feedback ?? [];
  if (events.length + questions.length + feedback.length === 0) return;
  let eventKey = nextKey(db, "events");
  let feedbackKey = nextKey(db, "feedback");
  const pending = [
    ...events.map((e) => ({ kind: "event" as const, rowId: String(eventKey++), record: e as object, params: eventParams(e) })),
    ...questions.map((q) => ({
      kind: "question" as const,
      rowId: q.id,
      record: q as object,
      params: { ...questionParams(q), abstained: q.abstained ? 1 : 0 },
    })),
    ...feedback.map((f) => ({ kind: "feedback" as const, rowId: String(feedbackKey++), record: f as object, params: feedbackParams(f) })),
  ];
  const { entries, head } = extendChain(readHead(db), pending);
  const insert = {
    event: db.prepare(`
      INSERT INTO events (seq, assessment_id, type, item_id, result, note, user_id, channel, message_id, at, chain_seq, prev_hash, hash)
      VALUES (@rowId, @assessmentId, @type, @itemId, @result, @note, @userId, @channel, @messageId, @at, @seq, @prevHash, @hash)`),
    question: db.prepare(`
      INSERT INTO questions (id, channel, user_id, conversation_id, message_id, question, lang, abstained, citation_ids, asked_at, corpus_version, citation_versions,
        answer_mode, model_provider, model_name, shown_clause_ids, sentences_kept, sentences_dropped, fallback_reason, fallback_detail, model_ms,
        chain_seq, prev_hash, hash)
      VALUES (@id, @channel, @userId, @conversationId, @messageId, @question, @lang, @abstained, @citationIds, @askedAt, @corpusVersion, @citationVersions,
        @answerMode, @modelProvider, @modelName, @shownClauseIds, @sentencesKept, @sentencesDropped, @fallbackReason, @fallbackDetail, @modelMs,
        @seq, @prevHash, @hash)`),
    feedback: db.prepare(`
      INSERT INTO feedback (seq, question_id, user_id, channel, value, reason, citation_ids, at, chain_seq, prev_hash, hash)
      VALUES (@rowId, @questionId, @userId, @channel, @value, @reason, @citationIds, @at, @seq, @prevHash, @hash)`),
  };
  for (const entry of entries) {
    insert[entry.kind].run({ ...entry.params, rowId: Number(entry.rowId) || entry.rowId, seq: entry.seq, prevHash: entry.prevHash, hash: entry.hash });
  }
  writeHead(db, head);
}

/** Every row of the chained tables, ordered by chain sequence; rows outside the chain (seq NaN) last. */
export function readChain(db: Database.Database): ChainEntry[] {
  const entries = TABLES.flatMap(({ kind, table, key, toRecord }) =>
    (db.prepare(`SELECT * FROM ${table}`).all() as Row[]).map((row) => chainEntryOf(row, kind, key, (r) => toRecord(r as Row))),
  );
  return entries.sort((a, b) => (Number.isNaN(a.seq) ? 1 : Number.isNaN(b.seq) ? -1 : a.seq - b.seq));
}

/** Migration 2: chains the rows written before the chain existed, oldest first. */
export function chainLegacyRows(db: Database.Database): void {
  const rows = TABLES.flatMap(({ kind, table, key, time, toRecord }, order) =>
    (db.prepare(`SELECT * FROM ${table} WHERE chain_seq IS NULL`).all() as Row[]).map((row) => ({
      kind,
      table,
      key,
      rowId: String(row[key]),
      record: toRecord(row),
      sort: [String(row[time]), order, Number(row.seq ?? 0)] as const,
    })),
  );
  rows.sort((a, b) => (a.sort[0] < b.sort[0] ? -1 : a.sort[0] > b.sort[0] ? 1 : a.sort[1] - b.sort[1] || a.sort[2] - b.sort[2]));
  const { entries, head } = extendChain(readHead(db), rows);
  for (const e of entries) {
    db.prepare(`UPDATE ${e.table} SET chain_seq = ?, prev_hash = ?, hash = ? WHERE ${e.key} = ?`).run(
      e.seq,
      e.prevHash,
      e.hash,
      e.kind === "question" ? e.rowId : Number(e.rowId),
    );
  }
  writeHead(db, head);
}
