import { describe, expect, it } from "vitest";
import { INPUT_LIMITS } from "../../../../bot/limits.js";
import { itemOf, partsOf, say } from "../../../support/engine.js";
import { useFakeEngine } from "../../../support/fakes/index.js";

describe("what users type, at the entry of a turn", () => {
  const fake = useFakeEngine();

  const rows = (sql: string, ...params: unknown[]) =>
    fake()
      .store.db.prepare(sql)
      .all(...params) as Array<Record<string, unknown>>;

  it("removes control characters before the note is stored, shown or reported", async () => {
    const code = itemOf(await say(fake().engine, "erin", "開始自評")).assessmentId;
    const reply = await say(fake().engine, "erin", "是，\u001b[2J\u001b]0;x\u0007已公告\u0000於內網\u202e", { userName: "Erin\u001b[31m" });
    expect(partsOf(reply, "recorded")[0]?.recorded).toMatchObject({ note: "已公告於內網", by: "Erin" });
    expect((await fake().store.responses(code))[0]).toMatchObject({ note: "已公告於內網", userName: "Erin" });
    expect(JSON.stringify(rows("SELECT * FROM events"))).not.toMatch(/\\u001b|\\u0000|\u202e/);
    const report = await fake().engine.report(code, "zh", { channel: "cli", userId: "erin" });
    expect(report?.rows[0]?.evidence).toBe("已公告於內網");
  });

  it("cleans the note of a clicked answer too", async () => {
    const item = itemOf(await say(fake().engine, "erin", "開始自評"));
    await fake().engine.handle({
      channel: "slack",
      userId: "erin",
      conversationId: "room",
      messageId: "click-1",
      action: { type: "answer", assessmentId: item.assessmentId, itemId: item.itemId, result: "no", note: "\u0007尚未\u001b[1m訂定" },
    });
    expect((await fake().store.responses(item.assessmentId))[0]?.note).toBe("尚未訂定");
  });

  it("refuses a question over the limit with a message, and stores none of it", async () => {
    const long = "個資".repeat(INPUT_LIMITS.question);
    const reply = await say(fake().engine, "frank", long);
    expect(partsOf(reply, "answer")).toEqual([]);
    expect(partsOf(reply, "notice")[0]).toMatchObject({ tone: "warning" });
    expect(partsOf(reply, "notice")[0]?.text).toContain("4,000");
    expect(rows("SELECT COUNT(*) AS n FROM questions")[0]?.n).toBe(0);
    expect(fake().retriever.queries).toEqual([]);
    expect(JSON.stringify(rows("SELECT reply FROM deliveries"))).not.toContain("個資個資個資");
    const english = await say(fake().engine, "frank", "word ".repeat(1000));
    expect(partsOf(english, "notice")[0]?.text).toMatch(/too long .*4,000/);
  });

  it("accepts a question at the limit", async () => {
    const reply = await say(fake().engine, "frank", `安全措施${"。".repeat(INPUT_LIMITS.question - 4)}`);
    expect(partsOf(reply, "answer")).toHaveLength(1);
  });

  it("refuses a note over the limit: the item stays open and nothing is recorded", async () => {
    const item = itemOf(await say(fake().engine, "gina", "開始自評"));
    const reply = await say(fake().engine, "gina", `是，${"說明".repeat(INPUT_LIMITS.note / 2 + 1)}`);
    expect(partsOf(reply, "recorded")).toEqual([]);
    expect(partsOf(reply, "notice")[0]?.text).toContain("2,000");
    expect(itemOf(reply).itemId).toBe(item.itemId);
    expect(await fake().store.responses(item.assessmentId)).toEqual([]);
    await say(fake().engine, "gina", "是");
    const note = await say(fake().engine, "gina", `備註：${"x".repeat(INPUT_LIMITS.note + 1)}`);
    expect(partsOf(note, "notice")[0]?.text).toContain("2,000");
    expect((await fake().store.responses(item.assessmentId))[0]?.note).toBeUndefined();
  });
});

describe("the language of an assessment", () => {
  const fake = useFakeEngine();

  it("keeps the items in the assessment's language after an answer in another, and answers a question in its own", async () => {
    const first = itemOf(await say(fake().engine, "hana", "開始自評"));
    expect(first.question).toBe("是否採行安全措施？");
    const english = await say(fake().engine, "hana", "yes, we have a policy");
    expect(partsOf(english, "recorded")[0]?.recorded.resultLabel).toBe("是");
    expect(itemOf(english).question).toBe("是否監督受託者？");
    const question = await say(fake().engine, "hana", "How do we supervise outsourced processors?");
    expect(partsOf(question, "answer")[0]?.answer.lang).toBe("en");
    expect(fake().retriever.queries.at(-1)?.lang).toBe("en");
    expect(itemOf(await say(fake().engine, "hana", "✅")).question).toBe("是否訂定安全維護計畫？");
  });

  it("is the language the assessment was started in", async () => {
    const first = itemOf(await say(fake().engine, "ivan", "start"));
    expect(first.question).toBe("Do you take security measures?");
    expect(itemOf(await say(fake().engine, "ivan", "是")).question).toBe("Do you supervise processors?");
    expect(partsOf(await say(fake().engine, "ivan", "為什麼"), "why")[0]?.why.guidance).toBe("Why supervise processors.");
  });
});
