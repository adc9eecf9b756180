import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../adapters/store/migrations.js";
import { openSqliteStore } from "../../adapters/store/sqlite-store.js";
import { assessmentStoreContract, sampleTurn } from "../support/contracts/assessment-store.contract.js";
import { tempDir } from "../support/corpus.js";

assessmentStoreContract("SQLite", async () => {
  const dir = tempDir("sqlite-store-");
  const path = join(dir.path, "answers.db");
  const direct = (sql: string, dropTriggers: boolean) => {
    const db = new Database(path);
    try {
      if (dropTriggers) {
        db.pragma("foreign_keys = OFF");
        for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as Array<{ name: string }>)
          db.exec(`DROP TRIGGER "${name}"`);
      }
      db.exec(sql);
    } finally {
      db.close();
    }
  };
  return {
    open: async () => openSqliteStore(path),
    raw: async (sql) => direct(sql, false),
    tamper: async (sql) => direct(sql, true),
    dispose: async () => dir.cleanup(),
  };
});

describe("SQLite migration 2", () => {
  it("chains the rows an answer log held before the chain existed", async () => {
    const dir = tempDir("sqlite-legacy-");
    const path = join(dir.path, "answers.db");
    const db = new Database(path);
    db.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    db.exec(MIGRATIONS[0]?.sql ?? "");
    db.prepare("INSERT INTO schema_migrations VALUES (1, 'v1', '2025-01-01T00:00:00Z')").run();
    db.exec(`
      INSERT INTO events (assessment_id, type, user_id, channel, message_id, at) VALUES ('OLD1', 'created', 'U1', 'cli', 'm1', '2025-01-01T00:00:02Z');
      INSERT INTO questions VALUES ('Q-old', 'cli', 'U1', 'room', 'm0', '個資法第27條', 'zh', 0, '["I0050021:27"]', '2025-01-01T00:00:01Z');
      INSERT INTO feedback (question_id, user_id, channel, value, at) VALUES ('Q-old', 'U1', 'cli', 'up', '2025-01-01T00:00:03Z');
    `);
    db.close();
    const store = openSqliteStore(path);
    try {
      expect(store.schemaVersion()).toBe(MIGRATIONS.length);
      const result = await store.verifyChain();
      expect(result).toMatchObject({ ok: true, records: 3, head: { seq: 3 } });
      expect(store.db.prepare("SELECT chain_seq FROM questions").get()).toEqual({ chain_seq: 1 });
      expect(() => store.db.prepare("UPDATE events SET note = 'x'").run()).toThrow(/append-only/);
      await store.commit(sampleTurn(1));
      expect(await store.verifyChain()).toMatchObject({ ok: true, records: 7 });
    } finally {
      await store.close();
      dir.cleanup();
    }
  });
});
