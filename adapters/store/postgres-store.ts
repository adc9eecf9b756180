import pg from "pg";
import type { AssessmentStore, Logger, Reply, SessionRecord } from "../../bot/index.js";
import { AppError, ErrorCodes, isAppError } from "../../knowledge/index.js";
import { type ChainEntry, type ChainKind, chainEntryOf, verifyEntries } from "./hash-chain.js";
import { commitTurn } from "./postgres-commit.js";
import { PG_MIGRATIONS } from "./postgres-migrations.js";
import { type ReportLinkStore, toReportLink } from "./report-link-store.js";
import { citesAny, citingPatterns, type Row, toAssessment, toEvent, toFeedback, toQuestion, toResponse } from "./rows.js";

/** Any constant: the key of the advisory lock under which replicas starting together migrate one at a time. */
const MIGRATION_LOCK = 7_231_011;

export type PostgresStore = AssessmentStore & ReportLinkStore & { readonly pool: pg.Pool; schemaVersion(): Promise<number> };

/**
 * The answer log on PostgreSQL (DATABASE_URL), for several replicas sharing one log. The
 * same guarantees as the SQLite store: one transaction per turn keyed by (channel,
 * messageId), append-only events, the hash chain; see postgres-commit.ts for how
 * concurrent replicas stay consistent.
 */
export async function openPostgresStore(url: string, logger?: Logger): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max: 10, application_name: "compliance-assistant" });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  const lost = (error: Error) => logger?.warn({ error: error.message }, "postgresql connection lost; reconnecting on next use");
  pool.on("error", lost);
  // A connection terminated while it is being closed reports on the client, not the pool.
  pool.on("connect", (client) => client.on("error", lost));
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new AppError(ErrorCodes.STORE_FAILED, `Cannot open the answer log on PostgreSQL (${redact(url)}): ${(error as Error).message}`, {
      cause: error,
      hint: "Check DATABASE_URL (postgres://user@host:5432/database), that the server runs and the user may create tables.",
    });
  }
  const one = async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rows[0] as Row | undefined;
  const all = async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rows as Row[];

  return {
    pool,
    schemaVersion: async () => Number((await one("SELECT MAX(version) AS v FROM schema_migrations", []))?.v ?? 0),
    async processed(channel, messageId) {
      const row = await one("SELECT reply, delivered_at, at FROM deliveries WHERE channel = $1 AND message_id = $2", [channel, messageId]);
      return row ? { reply: JSON.parse(String(row.reply)) as Reply, delivered: row.delivered_at != null, recordedAt: String(row.at) } : undefined;
    },
    async markDelivered(channel, messageId) {
      await pool.query("UPDATE deliveries SET delivered_at = $1 WHERE channel = $2 AND message_id = $3 AND delivered_at IS NULL", [
        new Date().toISOString(),
        channel,
        messageId,
      ]);
    },
    async commit(write) {
      const client = await pool.connect();
      try {
        return await commitTurn(client, write);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        if (isAppError(error)) throw error;
        throw new AppError(ErrorCodes.STORE_FAILED, `Could not record the turn: ${(error as Error).message}`, { cause: error });
      } finally {
        client.release();
      }
    },
    async session(channel, userId, conversationId) {
      const row = await one("SELECT data FROM sessions WHERE channel = $1 AND user_id = $2 AND conversation_id = $3", [channel, userId, conversationId]);
      return row ? (JSON.parse(String(row.data)) as SessionRecord) : undefined;
    },
    async assessment(id) {
      const row = await one("SELECT * FROM assessments WHERE id = $1", [id]);
      return row ? toAssessment(row) : undefined;
    },
    async assessmentsFor(userId, teamId) {
      const rows = await all(
        "SELECT * FROM assessments WHERE owner_id = $1 OR (shared_with IS NOT NULL AND shared_with = $2) ORDER BY updated_at DESC, created_at DESC, id DESC",
        [userId, teamId ?? null],
      );
      return rows.map(toAssessment);
    },
    async responses(assessmentId) {
      return (await all("SELECT * FROM responses WHERE assessment_id = $1 ORDER BY answered_at, item_id", [assessmentId])).map(toResponse);
    },
    async events(assessmentId) {
      return (await all("SELECT * FROM events WHERE assessment_id = $1 ORDER BY seq", [assessmentId])).map(toEvent);
    },
    async question(id) {
      const row = await one("SELECT * FROM questions WHERE id = $1", [id]);
      return row ? toQuestion(row) : undefined;
    },
    async questionsCiting(pcodes) {
      if (pcodes.length === 0) return [];
      const rows = await all("SELECT * FROM questions WHERE citation_ids LIKE ANY($1) ORDER BY asked_at, id", [citingPatterns(pcodes)]);
      return rows.map(toQuestion).filter((q) => citesAny(q.citationIds, new Set(pcodes)));
    },
    async responsesCiting(pcodes) {
      if (pcodes.length === 0) return [];
      const rows = await all("SELECT * FROM responses WHERE clause_ids LIKE ANY($1) ORDER BY answered_at, item_id", [citingPatterns(pcodes)]);
      return rows.map(toResponse).filter((r) => citesAny(r.clauseIds, new Set(pcodes)));
    },
    async feedback(questionId) {
      return (await all("SELECT * FROM feedback WHERE question_id = $1 ORDER BY seq", [questionId])).map(toFeedback);
    },
    async chainHead() {
      const row = await one("SELECT seq, hash FROM chain_head WHERE id = 1", []);
      return { seq: Number(row?.seq ?? 0), hash: String(row?.hash ?? "") };
    },
    async verifyChain() {
      // One snapshot of every table while other replicas keep writing.
      const client = await pool.connect();
      try {
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const read = async (kind: ChainKind, table: string, key: string, toRecord: (row: Row) => object) =>
          ((await client.query(`SELECT * FROM ${table}`)).rows as Row[]).map((row): ChainEntry => chainEntryOf(row, kind, key, (r) => toRecord(r as Row)));
        const entries = [
          ...(await read("event", "events", "seq", toEvent)),
          ...(await read("question", "questions", "id", toQuestion)),
          ...(await read("feedback", "feedback", "seq", toFeedback)),
        ].sort((a, b) => (Number.isNaN(a.seq) ? 1 : Number.isNaN(b.seq) ? -1 : a.seq - b.seq));
        const head = (await client.query("SELECT seq, hash FROM chain_head WHERE id = 1")).rows[0] as Row | undefined;
        await client.query("COMMIT");
        return verifyEntries(entries, { seq: Number(head?.seq ?? 0), hash: String(head?.hash ?? "") });
      } finally {
        client.release();
      }
    },
    async saveReportLink(link) {
      await pool.query("DELETE FROM report_links WHERE expires_at <= $1", [Date.now()]);
      await pool.query("INSERT INTO report_links (token_hash, assessment_id, lang, user_id, team_id, expires_at) VALUES ($1, $2, $3, $4, $5, $6)", [
        link.tokenHash,
        link.assessmentId,
        link.lang,
        link.userId,
        link.teamId,
        link.expiresAt,
      ]);
    },
    async reportLink(tokenHash, now) {
      const row = await one("SELECT * FROM report_links WHERE token_hash = $1 AND expires_at > $2", [tokenHash, now]);
      return row ? toReportLink(row) : undefined;
    },
    async close() {
      await pool.end();
    },
  };
}

/** Applies pending migrations, one replica at a time (a session advisory lock). */
async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    const applied = new Set((await client.query("SELECT version FROM schema_migrations")).rows.map((r) => Number(r.version)));
    for (const migration of PG_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}
