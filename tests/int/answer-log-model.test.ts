import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../adapters/store/migrations.js";
import { openSqliteStore } from "../../adapters/store/sqlite-store.js";
import type { AnswerGeneration, QuestionRecord } from "../../bot/index.js";
import { tempDir } from "../support/corpus.js";

const question = (id: string, extra: Partial<QuestionRecord> = {}): QuestionRecord => ({
  id,
  channel: "slack",
  userId: "U1",
  conversationId: "C1",
  messageId: `m-${id}`,
  question: "要多久內通報？",
  lang: "zh",
  abstained: false,
  citationIds: ["K0010162:8:2"],
  askedAt: "2026-12-01T00:00:00.000Z",
  ...extra,
});

describe("the answer log records how each answer was made (migration 6)", () => {
  const work = tempDir("log-model-");
  afterAll(() => work.cleanup());

  it("upgrades a version-1 log in place: old questions read as before (and are chained), new ones keep the model record", async () => {
    const path = join(work.path, "v1.db");
    const v1 = new Database(path);
    v1.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    v1.exec(MIGRATIONS[0]?.sql ?? "");
    v1.prepare("INSERT INTO schema_migrations VALUES (1, 'v1', '2026-11-01')").run();
    v1.prepare(
      "INSERT INTO questions (id, channel, user_id, conversation_id, message_id, question, lang, abstained, citation_ids, asked_at) VALUES ('q-old', 'cli', 'U0', 'C0', 'm0', '舊問題', 'zh', 0, '[\"I0050021:27\"]', '2026-11-01')",
    ).run();
    v1.close();

    const store = openSqliteStore(path);
    expect(store.schemaVersion()).toBe(MIGRATIONS.length);
    expect(await store.question("q-old")).toEqual({
      id: "q-old",
      channel: "cli",
      userId: "U0",
      conversationId: "C0",
      messageId: "m0",
      question: "舊問題",
      lang: "zh",
      abstained: false,
      citationIds: ["I0050021:27"],
      askedAt: "2026-11-01",
    });
    const generation: AnswerGeneration = {
      mode: "offline",
      provider: "openai",
      model: "gpt-4o-mini",
      shownClauseIds: ["K0010162:8:2", "K0010162:8:3"],
      kept: [],
      dropped: [{ text: "要在二十四小時內通報。", clauses: [1], reason: "unsupported_fact", facts: ["二十四小時"] }],
      fallbackReason: "nothing_verified",
      ms: 812,
    };
    await store.commit({ channel: "slack", messageId: "m-q1", reply: { lang: "zh", parts: [] }, questions: [question("q1", { generation })] });
    await store.commit({
      channel: "slack",
      messageId: "m-f1",
      reply: { lang: "zh", parts: [] },
      feedback: [{ questionId: "q1", userId: "U1", channel: "slack", value: "down", reason: "outdated", citationIds: ["K0010162:8:2"], at: "2026-12-01" }],
    });
    expect((await store.question("q1"))?.generation).toEqual(generation);
    expect(await store.feedback("q1")).toEqual([
      { questionId: "q1", userId: "U1", channel: "slack", value: "down", reason: "outdated", citationIds: ["K0010162:8:2"], at: "2026-12-01" },
    ]);
    expect((await store.verifyChain()).ok).toBe(true);
    await store.close();
  });
});
