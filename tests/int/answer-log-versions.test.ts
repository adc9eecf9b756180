import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../adapters/store/migrations.js";
import { openSqliteStore } from "../../adapters/store/sqlite-store.js";

const tmp = mkdtempSync(join(tmpdir(), "answer-log-versions-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const question = (id: string, citationIds: string[], extra = {}) => ({
  id,
  channel: "cli" as const,
  userId: "u",
  conversationId: "c",
  messageId: `m-${id}`,
  question: "q",
  lang: "zh" as const,
  abstained: false,
  citationIds,
  askedAt: "2024-01-01T00:00:00.000Z",
  ...extra,
});

describe("migration 4: the corpus version each answer quoted", () => {
  it("upgrades a version-1 answer log in place and keeps its rows", async () => {
    const path = join(tmp, "answers.db");
    const v1 = new Database(path);
    v1.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    v1.exec(MIGRATIONS[0]?.sql ?? "");
    v1.prepare("INSERT INTO schema_migrations VALUES (1, 'v1', '2024-01-01')").run();
    v1.prepare(
      "INSERT INTO questions (id, channel, user_id, conversation_id, message_id, question, lang, abstained, citation_ids, asked_at) VALUES ('q_old', 'cli', 'u', 'c', 'm0', 'q', 'zh', 0, '[\"J0080052:9\"]', '2023-05-01')",
    ).run();
    v1.close();

    const store = openSqliteStore(path);
    expect(store.schemaVersion()).toBe(MIGRATIONS.at(-1)?.version);
    expect(await store.question("q_old")).not.toHaveProperty("corpusVersion");
    await store.commit({
      channel: "cli",
      messageId: "m1",
      reply: { lang: "zh", parts: [] },
      questions: [
        question("q_new", ["I0050021:48", "K0010162:19:2"], {
          corpusVersion: "2024-10-11",
          citationVersions: { "I0050021:48": "2023-04-28", "K0010162:19:2": "2024-10-11" },
        }),
        question("q_other", ["J0170001:19"]),
      ],
    });
    expect(await store.question("q_new")).toMatchObject({ corpusVersion: "2024-10-11", citationVersions: { "I0050021:48": "2023-04-28" } });
    expect((await store.questionsCiting(["J0080052", "I0050021"])).map((q) => q.id)).toEqual(["q_old", "q_new"]);
    // A prefix of another PCODE is not a match.
    expect(await store.questionsCiting(["I005002"])).toEqual([]);
    await store.close();
  });
});
