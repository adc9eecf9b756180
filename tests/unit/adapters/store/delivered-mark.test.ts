import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../../../adapters/store/migrations.js";
import { openSqliteStore } from "../../../../adapters/store/sqlite-store.js";
import type { Reply } from "../../../../bot/index.js";
import { tempDir } from "../../../support/corpus.js";

const reply: Reply = { lang: "zh", parts: [{ kind: "notice", text: "已收到", tone: "info" }] };

describe("the answer log's delivered mark (migration 4)", () => {
  const dirs: Array<ReturnType<typeof tempDir>> = [];
  const folder = () => {
    const dir = tempDir("delivered-");
    dirs.push(dir);
    return dir.path;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) dir.cleanup();
  });

  it("records a turn undelivered, marks it once, and reports the mark to a duplicate commit", async () => {
    const store = openSqliteStore(join(folder(), "answers.db"));
    try {
      expect(store.schemaVersion()).toBe(MIGRATIONS.at(-1)?.version);
      expect(await store.processed("slack", "msg:1")).toBeUndefined();
      expect(await store.commit({ channel: "slack", messageId: "msg:1", reply })).toEqual({
        duplicate: false,
        reply,
        delivered: false,
        recordedAt: expect.any(String),
      });
      expect(await store.processed("slack", "msg:1")).toEqual({ reply, delivered: false, recordedAt: expect.any(String) });
      await store.markDelivered("slack", "msg:1");
      await store.markDelivered("slack", "msg:1");
      await store.markDelivered("slack", "msg:unknown");
      expect(await store.processed("slack", "msg:1")).toEqual({ reply, delivered: true, recordedAt: expect.any(String) });
      expect(await store.commit({ channel: "slack", messageId: "msg:1", reply: { lang: "en", parts: [] } })).toEqual({
        duplicate: true,
        reply,
        delivered: true,
        recordedAt: expect.any(String),
      });
      expect(store.db.pragma("synchronous", { simple: true })).toBe(2);
    } finally {
      await store.close();
    }
  });

  it("treats replies recorded before the migration as delivered, so an upgrade re-sends nothing", async () => {
    const path = join(folder(), "answers.db");
    const v1 = new Database(path);
    v1.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    v1.exec(MIGRATIONS[0]?.sql ?? "");
    v1.prepare("INSERT INTO schema_migrations VALUES (1, 'v1', '2026-01-01T00:00:00Z')").run();
    v1.prepare("INSERT INTO deliveries (channel, message_id, reply, at) VALUES ('teams', 'a1', ?, '2026-01-01T00:00:00Z')").run(JSON.stringify(reply));
    v1.close();
    const store = openSqliteStore(path);
    try {
      expect(store.schemaVersion()).toBe(MIGRATIONS.at(-1)?.version);
      expect(await store.processed("teams", "a1")).toEqual({ reply, delivered: true, recordedAt: expect.any(String) });
    } finally {
      await store.close();
    }
  });
});
