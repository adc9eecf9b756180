import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemOf, partsOf, say } from "../../../support/engine.js";
import { createFakeEngine, type FakeEngine } from "../../../support/fakes/index.js";

// Moved from tests/int: the engine and the real SQLite answer log, over the fake retriever
// and knowledge source (three-item checklist "mini"); nothing here needs the corpus.
describe("the conversation engine with a real answer log", () => {
  let fake: FakeEngine;
  beforeAll(() => {
    fake = createFakeEngine();
  });
  afterAll(() => fake.close());

  const rows = (sql: string, ...params: unknown[]) => fake.store.db.prepare(sql).all(...params) as Array<Record<string, unknown>>;

  it("starts a checklist by name, records answers with their note, version and clauses", async () => {
    const start = await say(fake.engine, "alice", "開始自評 迷你 電商事業部");
    const first = itemOf(start);
    expect(first).toMatchObject({ position: 1, answered: 0 });
    expect(first.assessmentLabel).toContain("電商事業部");
    const code = first.assessmentId;
    const reply = await say(fake.engine, "alice", "是，已於 2024/3 公告並放在內網");
    expect(partsOf(reply, "recorded")[0]?.recorded).toMatchObject({ itemId: first.itemId, result: "yes", note: "已於 2024/3 公告並放在內網" });
    expect(itemOf(reply).position).toBe(2);
    const [row] = rows("SELECT * FROM responses WHERE assessment_id = ?", code);
    const checklist = fake.knowledge.checklist("mini");
    expect(row).toMatchObject({ item_id: first.itemId, result: "yes", user_id: "alice", checklist_version: checklist?.version });
    expect(JSON.parse(String(row?.clause_ids))).toEqual(checklist?.items[0]?.clauses);
    expect(rows("SELECT type FROM events WHERE assessment_id = ? ORDER BY seq", code).map((r) => r.type)).toEqual(["created", "answered"]);
  });

  it("follows a 否 with the item's remediation", async () => {
    const reply = await say(fake.engine, "alice", "還沒");
    const recorded = partsOf(reply, "recorded")[0]?.recorded;
    expect(recorded?.result).toBe("no");
    expect(recorded?.remediation).toBe(fake.knowledge.checklist("mini")?.items[1]?.remediation_zh);
  });

  it("asks again when the answer hedges, and answers a question without leaving the item", async () => {
    const before = itemOf(await say(fake.engine, "alice", "部分有"));
    expect(partsOf(await say(fake.engine, "alice", "maybe"), "notice")[0]?.text).toMatch(/yes|是/);
    const question = await say(fake.engine, "alice", "這題的委外是指什麼？");
    expect(partsOf(question, "answer")[0]?.answer.citations.length).toBeGreaterThan(0);
    expect(partsOf(question, "notice").at(-1)?.text).toContain(`第 ${before.position}/`);
    const answered = await say(fake.engine, "alice", "不適用");
    expect(partsOf(answered, "recorded")[0]?.recorded.itemId).toBe(before.itemId);
  });

  it("records a delivery once when the platform sends it twice", async () => {
    await say(fake.engine, "ruth", "開始自評");
    const turn = { channel: "cli" as const, userId: "ruth", conversationId: "room", messageId: "retry-1", text: "是" };
    const first = await fake.engine.handle(turn);
    const again = await fake.engine.handle(turn);
    expect(again.duplicate).toBe(true);
    expect(again.parts).toEqual(first.parts);
    expect(rows("SELECT COUNT(*) AS n FROM events WHERE message_id = 'retry-1'")[0]?.n).toBe(1);
  });

  it("keeps two users' assessments apart when they interleave", async () => {
    const bobStart = itemOf(await say(fake.engine, "bob", "開始自評 迷你 物流部"));
    const amyStart = itemOf(await say(fake.engine, "amy", "開始自評 迷你 門市"));
    expect(bobStart.assessmentId).not.toBe(amyStart.assessmentId);
    await say(fake.engine, "bob", "否");
    await say(fake.engine, "amy", "是");
    await say(fake.engine, "bob", "是");
    const bob = rows("SELECT user_id, result FROM responses WHERE assessment_id = ? ORDER BY answered_at", bobStart.assessmentId);
    expect(bob).toEqual([
      { user_id: "bob", result: "no" },
      { user_id: "bob", result: "yes" },
    ]);
    expect(rows("SELECT DISTINCT user_id FROM responses WHERE assessment_id = ?", amyStart.assessmentId)).toEqual([{ user_id: "amy" }]);
  });

  it("lets a user keep several assessments and pick which to resume", async () => {
    await say(fake.engine, "carol", "開始自評 迷你 門市");
    await say(fake.engine, "carol", "暫停");
    await say(fake.engine, "carol", "開始自評 迷你 客服");
    const list = await say(fake.engine, "carol", "我的自評");
    const options = partsOf(list, "assessments")[0]?.assessments ?? [];
    expect(options.map((o) => o.label)).toEqual([expect.stringContaining("客服"), expect.stringContaining("門市")]);
    const chosen = itemOf(await say(fake.engine, "carol", "2"));
    expect(chosen.assessmentLabel).toContain("門市");
  });

  it("shares an assessment with the team, so a colleague answers items of the same assessment", async () => {
    const team = { teamId: "T-retail" };
    const owner = itemOf(await say(fake.engine, "dave", "開始自評 迷你 共用", team));
    await say(fake.engine, "dave", "分享", team);
    const joined = await say(fake.engine, "erin", `繼續 ${owner.assessmentId}`, { ...team, conversationId: "erin-dm" });
    expect(partsOf(joined, "notice")[0]?.text).toContain("加入");
    await say(fake.engine, "erin", "是", { ...team, conversationId: "erin-dm" });
    expect(rows("SELECT user_id FROM responses WHERE assessment_id = ?", owner.assessmentId)).toEqual([{ user_id: "erin" }]);
    const outsider = await say(fake.engine, "mallory", `繼續 ${owner.assessmentId}`, { teamId: "T-other" });
    expect(partsOf(outsider, "notice")[0]?.tone).toBe("warning");
  });

  it("decides who may see a report from the viewer: the owner, the team after 分享, nobody else", async () => {
    const team = { teamId: "T-report" };
    const code = itemOf(await say(fake.engine, "gina", "開始自評 迷你 報告權限", team)).assessmentId;
    const viewer = (userId: string, teamId?: string) => ({ channel: "cli" as const, userId, conversationId: "room", ...(teamId ? { teamId } : {}) });
    expect(await fake.engine.report(code, "zh", viewer("gina"))).toBeDefined();
    expect(await fake.engine.report(code, "zh", viewer("hank", "T-report"))).toBeUndefined();
    await say(fake.engine, "gina", "分享", team);
    expect((await fake.engine.report(code, "zh", viewer("hank", "T-report")))?.assessmentId).toBe(code);
    expect(await fake.engine.report(code, "zh", viewer("ivan", "T-other"))).toBeUndefined();
    expect((await fake.engine.assessments(viewer("hank", "T-report"), "zh")).map((a) => a.id)).toContain(code);
  });

  it("resumes or starts on an assess action, as /compliance assess asks", async () => {
    const act = (name?: string) =>
      fake.engine.handle({
        channel: "cli",
        userId: "judy",
        conversationId: `assess-${name ?? "none"}-${Date.now()}`,
        messageId: `assess-${Math.random()}`,
        action: { type: "assess", ...(name ? { name } : {}) },
        lang: "zh",
      });
    // Nothing open and nothing named: the only checklist starts.
    const started = itemOf(await act());
    expect(started.position).toBe(1);
    // Nothing named, one open assessment: it is resumed, not a second one started.
    expect(itemOf(await act()).assessmentId).toBe(started.assessmentId);
    // A code resumes that assessment; a checklist name starts a new one.
    expect(itemOf(await act(started.assessmentId.toLowerCase())).assessmentId).toBe(started.assessmentId);
    const other = itemOf(await act("mini"));
    expect(other.assessmentId).not.toBe(started.assessmentId);
  });

  it("masks personal data in notes and questions before storing, and says so", async () => {
    const item = itemOf(await say(fake.engine, "frank", "開始自評 迷你"));
    const reply = await say(fake.engine, "frank", "是，窗口王小明 0912-345-678，身分證 A123456789，frank@example.com");
    expect(partsOf(reply, "notice").some((n) => n.text.includes("已遮蔽"))).toBe(true);
    const stored = JSON.stringify(rows("SELECT * FROM responses WHERE assessment_id = ?", item.assessmentId));
    expect(stored).not.toMatch(/0912|A123456789|frank@example/);
    await say(fake.engine, "frank", "客戶 0987654321 要求刪除資料，我們要怎麼處理？");
    const everything = JSON.stringify([rows("SELECT * FROM questions"), rows("SELECT * FROM deliveries"), rows("SELECT * FROM events")]);
    expect(everything).not.toMatch(/0912-345-678|A123456789|frank@example|0987654321/);
    expect(fake.logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(fake.logs)).not.toMatch(/0912-345-678|A123456789|frank@example|0987654321/);
  });

  it("keeps the event history append-only", () => {
    expect(() => fake.store.db.prepare("UPDATE events SET type = 'x'").run()).toThrow(/append-only/);
    expect(() => fake.store.db.prepare("DELETE FROM events").run()).toThrow(/append-only/);
  });

  it("records 👍 / 👎 on an answer with the question and its citations", async () => {
    const answer = partsOf(await say(fake.engine, "gina", "個資法第27條"), "answer")[0];
    const questionId = answer?.questionId ?? "";
    await fake.engine.handle({
      channel: "cli",
      userId: "gina",
      conversationId: "room",
      messageId: "fb-1",
      action: { type: "feedback", questionId, value: "down" },
    });
    const [question] = rows("SELECT * FROM questions WHERE id = ?", questionId);
    expect(JSON.parse(String(question?.citation_ids))).toEqual(["I0050021:27"]);
    expect(rows("SELECT value, user_id FROM feedback WHERE question_id = ?", questionId)).toEqual([{ value: "down", user_id: "gina" }]);
  });
});
