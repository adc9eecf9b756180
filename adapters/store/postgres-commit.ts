import type { PoolClient } from "pg";
import type { ChainHead, Reply, TurnWrite } from "../../bot/index.js";
import { extendChain } from "./hash-chain.js";
import { eventParams, feedbackParams, questionParams, responseParams, sessionConflict } from "./rows.js";

/**
 * One turn in one PostgreSQL transaction. When the turn adds chained records, the
 * chain-head row is locked first (SELECT ... FOR UPDATE), so writers on every replica
 * append one after another and the chain stays linear. The delivery row is the
 * idempotency key: a second commit of (channel, messageId) — from this process or another
 * replica — inserts nothing, rolls back, and returns the reply stored by the first.
 */
export async function commitTurn(client: PoolClient, write: TurnWrite): Promise<{ duplicate: boolean; reply: Reply; delivered: boolean; recordedAt: string }> {
  await client.query("BEGIN");
  const events = write.events ?? [];
  const questions = write.questions ?? [];
  const feedback = write.feedback ?? [];
  const chained = events.length + questions.length + feedback.length > 0;
  const head = chained ? await lockHead(client) : undefined;
  const recordedAt = new Date().toISOString();
  const inserted = await client.query("INSERT INTO deliveries (channel, message_id, reply, at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", [
    write.channel,
    write.messageId,
    JSON.stringify(write.reply),
    recordedAt,
  ]);
  if (inserted.rowCount === 0) {
    await client.query("ROLLBACK");
    const { rows } = await client.query("SELECT reply, delivered_at, at FROM deliveries WHERE channel = $1 AND message_id = $2", [
      write.channel,
      write.messageId,
    ]);
    return { duplicate: true, reply: JSON.parse(String(rows[0]?.reply)) as Reply, delivered: rows[0]?.delivered_at != null, recordedAt: String(rows[0]?.at) };
  }
  for (const a of write.assessments ?? []) {
    await client.query(
      `INSERT INTO assessments (id, checklist_id, checklist_version, label, owner_id, owner_name, channel, shared_with, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (id) DO UPDATE SET label = excluded.label, shared_with = excluded.shared_with, status = excluded.status, updated_at = excluded.updated_at`,
      [a.id, a.checklistId, a.checklistVersion, a.label, a.ownerId, a.ownerName ?? null, a.channel, a.sharedWith ?? null, a.status, a.createdAt, a.updatedAt],
    );
  }
  for (const response of write.responses ?? []) {
    const r = responseParams(response);
    await client.query(
      `INSERT INTO responses (assessment_id, item_id, result, note, notes, user_id, user_name, channel, answered_at, checklist_version, clause_ids, corpus_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (assessment_id, item_id) DO UPDATE SET result = excluded.result, note = excluded.note, notes = excluded.notes, user_id = excluded.user_id,
         user_name = excluded.user_name, channel = excluded.channel, answered_at = excluded.answered_at,
         checklist_version = excluded.checklist_version, clause_ids = excluded.clause_ids, corpus_version = excluded.corpus_version`,
      [r.assessmentId, r.itemId, r.result, r.note, r.notes, r.userId, r.userName, r.channel, r.answeredAt, r.checklistVersion, r.clauseIds, r.corpusVersion],
    );
  }
  for (const s of write.sessions ?? []) {
    const values = [s.channel, s.userId, s.conversationId, JSON.stringify(s), s.updatedAt];
    const insert =
      "INSERT INTO sessions (channel, user_id, conversation_id, data, updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (channel, user_id, conversation_id)";
    const update = "DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at";
    if (write.sessionBase === undefined) {
      await client.query(`${insert} ${update}`, values);
      continue;
    }
    // Compare-and-set on the version the turn read; ON CONFLICT sees the newest committed row.
    const written =
      write.sessionBase === null
        ? await client.query(`${insert} DO NOTHING RETURNING 1`, values)
        : await client.query(`${insert} ${update} WHERE sessions.updated_at = $6 RETURNING 1`, [...values, write.sessionBase]);
    if (written.rowCount === 0) throw sessionConflict();
  }
  if (head) await insertChained(client, head, write);
  await client.query("COMMIT");
  return { duplicate: false, reply: write.reply, delivered: false, recordedAt };
}

async function lockHead(client: PoolClient): Promise<ChainHead> {
  const { rows } = await client.query("SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE");
  return { seq: Number(rows[0]?.seq ?? 0), hash: String(rows[0]?.hash) };
}

/** Row keys taken from the tables' sequences before the insert, because the hash covers them. */
async function nextKeys(client: PoolClient, table: "events" | "feedback", count: number): Promise<string[]> {
  if (count === 0) return [];
  const { rows } = await client.query("SELECT nextval(pg_get_serial_sequence($1, 'seq')) AS key FROM generate_series(1, $2)", [table, count]);
  return rows.map((row) => String(row.key));
}

async function insertChained(client: PoolClient, head: ChainHead, write: TurnWrite): Promise<void> {
  const eventKeys = await nextKeys(client, "events", write.events?.length ?? 0);
  const feedbackKeys = await nextKeys(client, "feedback", write.feedback?.length ?? 0);
  const pending = [
    ...(write.events ?? []).map((e, i) => ({ kind: "event" as const, rowId: eventKeys[i] ?? "", record: e as object })),
    ...(write.questions ?? []).map((q) => ({ kind: "question" as const, rowId: q.id, record: q as object })),
    ...(write.feedback ?? []).map((f, i) => ({ kind: "feedback" as const, rowId: feedbackKeys[i] ?? "", record: f as object })),
  ];
  const chain = extendChain(head, pending);
  for (const entry of chain.entries) {
    const link = [entry.seq, entry.prevHash, entry.hash];
    if (entry.kind === "event") {
      const e = eventParams(entry.record as Parameters<typeof eventParams>[0]);
      await client.query(
        `INSERT INTO events (seq, assessment_id, type, item_id, result, note, user_id, channel, message_id, at, chain_seq, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [entry.rowId, e.assessmentId, e.type, e.itemId, e.result, e.note, e.userId, e.channel, e.messageId, e.at, ...link],
      );
    } else if (entry.kind === "question") {
      const q = questionParams(entry.record as Parameters<typeof questionParams>[0]);
      await client.query(
        `INSERT INTO questions (id, channel, user_id, conversation_id, message_id, question, lang, abstained, citation_ids, asked_at, corpus_version, citation_versions,
           answer_mode, model_provider, model_name, shown_clause_ids, sentences_kept, sentences_dropped, fallback_reason, fallback_detail, model_ms,
           chain_seq, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)`,
        [
          ...[q.id, q.channel, q.userId, q.conversationId, q.messageId, q.question, q.lang, q.abstained, q.citationIds, q.askedAt],
          ...[q.corpusVersion, q.citationVersions],
          ...[q.answerMode, q.modelProvider, q.modelName, q.shownClauseIds, q.sentencesKept, q.sentencesDropped, q.fallbackReason, q.fallbackDetail, q.modelMs],
          ...link,
        ],
      );
    } else {
      const f = feedbackParams(entry.record as NonNullable<TurnWrite["feedback"]>[number]);
      await client.query(
        `INSERT INTO feedback (seq, question_id, user_id, channel, value, reason, citation_ids, at, chain_seq, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [entry.rowId, f.questionId, f.userId, f.channel, f.value, f.reason, f.citationIds, f.at, ...link],
      );
    }
  }
  await client.query("UPDATE chain_head SET seq = $1, hash = $2 WHERE id = 1", [chain.head.seq, chain.head.hash]);
}
