import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Engine } from "../../bot/index.js";
import { tempDir } from "../support/corpus.js";
import { scriptedEngine } from "../support/fakes/index.js";
import { actionsOf, botAdded, cardOf, execute, mentionMessage, post, submit, textMessage, textOf } from "../support/teams/activities.js";
import { type FakeConnector, startFakeConnector } from "../support/teams/fake-connector.js";
import { startTeamsBot, type TeamsBotServer, teamsServices } from "../support/teams/teams-bot-server.js";

// biome-ignore lint/suspicious/noExplicitAny: rows and cards are free-form.
type Json = Record<string, any>;

describe("Teams messages, answers and cards (emulator mode)", () => {
  const data = tempDir("teams-messages-");
  let services: Awaited<ReturnType<typeof teamsServices>>;
  let connector: FakeConnector;
  let bot: TeamsBotServer;
  const query = (sql: string, ...args: unknown[]) => {
    const db = new Database(services.answerLogPath, { readonly: true });
    const rows = db.prepare(sql).all(...args) as Json[];
    db.close();
    return rows;
  };

  beforeAll(async () => {
    services = await teamsServices(data.path);
  });
  afterAll(async () => {
    await services.store.close();
    data.cleanup();
  });
  beforeEach(async () => {
    connector = await startFakeConnector();
    // Redeliveries here come within milliseconds: re-send an undelivered reply at once.
    bot = await startTeamsBot(services.engine, { REDELIVER_AFTER_MS: "0" });
  });
  afterEach(async () => {
    await bot.close();
    await connector.close();
  });

  it("re-sends a recorded reply whose delivery failed when the same activity comes again, and only then", async () => {
    const activity = textMessage(connector.serviceUrl, "個資法第28條", { userId: "29:erin", conversationId: "a:personal-erin" });
    // The reply and the failure notice are both refused: the user saw nothing.
    connector.failNext(2);
    expect((await post(bot.messagesUrl, activity)).status).toBe(200);
    expect(connector.sent()).toHaveLength(0);
    expect(query("SELECT delivered_at FROM deliveries WHERE channel = 'teams' AND message_id = ?", activity.id)).toEqual([{ delivered_at: null }]);
    expect((await post(bot.messagesUrl, activity)).status).toBe(200);
    expect(connector.sent()).toHaveLength(1);
    expect(textOf(cardOf(connector.sent()[0]?.body))).toContain("《個人資料保護法》第28條");
    expect(query("SELECT delivered_at FROM deliveries WHERE channel = 'teams' AND message_id = ?", activity.id)[0]?.delivered_at).toEqual(expect.any(String));
    expect((await post(bot.messagesUrl, activity)).status).toBe(200);
    expect(connector.sent()).toHaveLength(1);
    expect(query("SELECT COUNT(*) AS n FROM questions WHERE conversation_id = 'a:personal-erin'")).toEqual([{ n: 1 }]);
  });

  it("answers a question in a personal chat with a cited Adaptive Card, once per activity id", async () => {
    const activity = textMessage(connector.serviceUrl, "個資法第27條", { userId: "29:dave", conversationId: "a:personal-dave" });
    expect((await post(bot.messagesUrl, activity)).status).toBe(200);
    const [reply] = connector.sent();
    expect(reply?.activityId).toBe(activity.id);
    expect(reply?.conversationId).toBe("a:personal-dave");
    const card = cardOf(reply?.body);
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    const text = textOf(card);
    expect(text).toContain("《個人資料保護法》第27條");
    expect(text).toContain("現行有效・條文日期 2023-05-31");
    expect(text).toContain("「非公務機關保有個人資料檔案者，應採行適當之安全措施");
    expect(text).toContain("資料來源：法務部全國法規資料庫");
    const actions = actionsOf(card);
    expect(actions.find((a) => a.type === "Action.OpenUrl")?.url).toBe("https://law.moj.gov.tw/LawClass/LawSingle.aspx?pcode=I0050021&flno=27");
    const full = actions.find((a) => a.type === "Action.ShowCard");
    expect(full?.title).toBe("顯示全文");
    expect(textOf(full?.card)).toContain("前項計畫及處理方法之標準等相關事項之辦法，由中央目的事業主管機關定之。");
    const feedback = actions.filter((a) => a.data?.ca === "feedback");
    expect(feedback.map((a) => [a.title, a.data.value])).toEqual([
      ["👍 有幫助", "up"],
      ["👎 沒幫助", "down"],
    ]);
    // Plain-text fallback for clients that cannot render cards.
    expect(reply?.body.summary).toContain("資料來源：法務部全國法規資料庫");
    expect(reply?.body.summary).toContain("https://law.moj.gov.tw/LawClass/LawSingle.aspx?pcode=I0050021&flno=27");
    expect(card?.fallbackText).toMatch(/^依《個人資料保護法》第27條/);

    expect((await post(bot.messagesUrl, activity)).status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    expect(query("SELECT COUNT(*) AS n FROM questions WHERE message_id = ?", activity.id)).toEqual([{ n: 1 }]);
  });

  it("keeps a long answer within Teams' message size by shortening the full-text sections", async () => {
    await post(bot.messagesUrl, textMessage(connector.serviceUrl, "What must an online shop do about data security, breach notification and outsourcing?"));
    const reply = connector.sent()[0]?.body;
    expect(Buffer.byteLength(JSON.stringify(reply))).toBeLessThan(28_000);
    expect(actionsOf(cardOf(reply)).filter((a) => a.type === "Action.OpenUrl").length).toBeGreaterThan(1);
  });

  it("warns about a repealed regulation and names its successor", async () => {
    await post(bot.messagesUrl, textMessage(connector.serviceUrl, "網際網路零售業個資辦法第9條第1項第12款還適用嗎？"));
    const text = textOf(cardOf(connector.sent()[0]?.body));
    expect(text).toContain("已於 2023-11-21 廢止");
    expect(text).toMatch(/現行規定：.*《數位經濟相關產業個人資料檔案安全維護管理辦法》第19條/);
  });

  it("answers in English with English labels", async () => {
    await post(bot.messagesUrl, textMessage(connector.serviceUrl, "PDPA Article 27", { locale: "en-US" }));
    const card = cardOf(connector.sent()[0]?.body);
    expect(textOf(card)).toContain("Source: Laws & Regulations Database");
    expect(actionsOf(card).map((a) => a.title)).toEqual(expect.arrayContaining(["Official text", "Show full text", "👍 Helpful"]));
  });

  it("answers an @mention in a channel thread without the mention text", async () => {
    const conversationId = "19:general@thread.tacv2;messageid=1700000000000";
    const activity = mentionMessage(connector.serviceUrl, "個資法第27條", { conversationId, conversationType: "channel", teamId: "19:team@thread.tacv2" });
    expect((await post(bot.messagesUrl, activity)).status).toBe(200);
    expect(connector.sent()[0]?.conversationId).toBe(conversationId);
    expect(query("SELECT question, conversation_id FROM questions WHERE message_id = ?", activity.id)).toEqual([
      { question: "個資法第27條", conversation_id: conversationId },
    ]);
  });

  it("records 👍 from Action.Execute in the invoke response and 👎 from Action.Submit as a message", async () => {
    const question = textMessage(connector.serviceUrl, "個資法第27條", { userId: "29:erin" });
    await post(bot.messagesUrl, question);
    const answer = connector.sent()[0];
    const [up, down] = actionsOf(cardOf(answer?.body)).filter((a) => a.data?.ca === "feedback");
    const mark = connector.calls.length;
    const response = await post(bot.messagesUrl, execute(connector.serviceUrl, up?.data, answer?.id ?? "", { userId: "29:erin" }));
    expect(response.body).toEqual({ statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "感謝回饋，已記錄。" });
    expect(connector.calls.length).toBe(mark);
    await post(bot.messagesUrl, submit(connector.serviceUrl, down?.data, answer?.id ?? "", { userId: "29:erin" }));
    // 👎 asks what was wrong: one button per reason.
    const reasons = cardOf(connector.sent(mark)[0]?.body);
    expect(textOf(reasons)).toContain("哪裡不對？");
    const choices = actionsOf(reasons).filter((a) => a.data?.ca === "feedback");
    expect(choices.map((a) => a.data?.reason)).toEqual(["wrong_clause", "outdated", "not_answered", "other"]);
    const after = connector.calls.length;
    const picked = await post(bot.messagesUrl, execute(connector.serviceUrl, choices[1]?.data, "reasons", { userId: "29:erin" }));
    expect(picked.body).toMatchObject({ value: "感謝回饋，已記錄。" });
    expect(connector.calls.length).toBe(after);
    expect(query("SELECT value, reason, user_id, channel, citation_ids FROM feedback WHERE question_id = ? ORDER BY seq", up?.data.questionId)).toEqual([
      { value: "up", reason: null, user_id: "29:erin", channel: "teams", citation_ids: '["I0050021:27"]' },
      { value: "down", reason: null, user_id: "29:erin", channel: "teams", citation_ids: '["I0050021:27"]' },
      { value: "down", reason: "outdated", user_id: "29:erin", channel: "teams", citation_ids: '["I0050021:27"]' },
    ]);
  });

  it("sends a welcome card when the bot is added, and nothing when someone else joins", async () => {
    expect((await post(bot.messagesUrl, botAdded(connector.serviceUrl))).status).toBe(200);
    const card = cardOf(connector.sent()[0]?.body);
    const text = textOf(card);
    expect(text).toContain("合規小幫手");
    expect(text).toContain("目前提供的查核表：Teams 測試查核表");
    expect(actionsOf(card).map((a) => [a.title, a.data?.command])).toEqual([
      ["開始自評", "start"],
      ["我的自評", "assessments"],
      ["使用說明", "help"],
    ]);
    const someoneJoined = { ...botAdded(connector.serviceUrl), membersAdded: [{ id: "29:frank", name: "Frank" }] };
    expect((await post(bot.messagesUrl, someoneJoined)).status).toBe(200);
    expect(connector.calls).toHaveLength(1);

    // The welcome card's buttons work: 開始自評 starts the only checklist.
    const start = actionsOf(card).find((a) => a.data?.command === "start");
    const response = await post(bot.messagesUrl, execute(connector.serviceUrl, start?.data, connector.calls[0]?.id ?? "", { userId: "29:frank" }));
    expect(response.body?.value).toMatch(/已開始「Teams 測試查核表」/);
    expect(connector.sent(1).some((c) => actionsOf(cardOf(c.body)).some((a) => a.data?.ca === "answer"))).toBe(true);
  });

  it("lists checklists and assessments with choose buttons", async () => {
    const grace = { userId: "29:grace", conversationId: "a:personal-grace" };
    await post(bot.messagesUrl, textMessage(connector.serviceUrl, "查核表", grace));
    const list = connector
      .sent()
      .map((c) => cardOf(c.body))
      .find(Boolean);
    const start = actionsOf(list).find((a) => a.title === "開始");
    expect(start?.data).toEqual({ ca: "start", checklistId: "teams-fixture" });
    await post(bot.messagesUrl, submit(connector.serviceUrl, start?.data, connector.calls[0]?.id ?? "", grace));
    const mark = connector.calls.length;
    await post(bot.messagesUrl, textMessage(connector.serviceUrl, "我的自評", grace));
    const assessments = connector
      .sent(mark)
      .map((c) => cardOf(c.body))
      .find(Boolean);
    expect(textOf(assessments)).toMatch(/1\. Teams 測試查核表\n代碼 [0-9A-Z]{6}・0\/4・進行中/);
    expect(actionsOf(assessments).map((a) => a.title)).toEqual(["繼續", "報告"]);
  });

  it("rejects what is not an activity with 400 and a reason", async () => {
    const notJson = await fetch(bot.messagesUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as Json).error).toMatch(/bad request body/);
    const array = await post(bot.messagesUrl, []);
    expect(array.status).toBe(400);
    const plain = await fetch(bot.messagesUrl, { method: "POST", headers: { "content-type": "text/plain" }, body: "hello" });
    expect(plain.status).toBe(400);
    const noFrom = { ...textMessage(connector.serviceUrl, "hi"), from: undefined };
    const missing = await post(bot.messagesUrl, noFrom);
    expect(missing.status).toBe(400);
    expect(missing.body?.error).toContain("from: required for message and invoke activities");
    // In emulator mode a service URL that is not a loopback URL is refused before the shape is read.
    const badServiceUrl = await post(bot.messagesUrl, { ...textMessage(connector.serviceUrl, "hi"), serviceUrl: "not a url" });
    expect(badServiceUrl.status).toBe(401);
    expect(connector.calls).toHaveLength(0);
  });

  it("answers malformed card values clearly: a reply for Action.Submit, 400 for Action.Execute", async () => {
    await post(bot.messagesUrl, submit(connector.serviceUrl, { ca: "answer", assessmentId: "AAAAAA", itemId: "TF-01", result: "maybe" }, "bot-1"));
    expect(connector.sent()[0]?.body.text).toMatch(/這個按鈕的內容無法辨識.*請求編號 tm-[0-9a-f]{8}/);
    await post(
      bot.messagesUrl,
      submit(connector.serviceUrl, { ca: "answer", assessmentId: "AAAAAA", itemId: "TF-01", result: "yes", note: "長".repeat(1001) }, "bot-1"),
    );
    expect(connector.sent()[1]?.body.text).toBe("佐證說明太長（上限 1000 字），請精簡後再送出。");
    await post(bot.messagesUrl, submit(connector.serviceUrl, { somethingElse: true }, "bot-1"));
    expect(connector.sent()[2]?.body.text).toMatch(/這個按鈕的內容無法辨識/);

    const unknown = await post(bot.messagesUrl, execute(connector.serviceUrl, { ca: "delete-everything" }, "bot-1"));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ statusCode: 400, type: "application/vnd.microsoft.error", value: { code: "BadRequest" } });
    const noAction = await post(bot.messagesUrl, { ...execute(connector.serviceUrl, {}, "bot-1"), value: { trigger: "manual" } });
    expect(noAction.status).toBe(400);
    const submitType = await post(bot.messagesUrl, { ...execute(connector.serviceUrl, {}, "bot-1"), value: { action: { type: "Action.Submit" } } });
    expect(submitType.status).toBe(400);
    expect(connector.calls).toHaveLength(3);
    expect(query("SELECT COUNT(*) AS n FROM responses WHERE assessment_id = 'AAAAAA'")).toEqual([{ n: 0 }]);
  });

  it("an answer for an assessment that does not exist gets a notice, not a crash", async () => {
    const response = await post(
      bot.messagesUrl,
      execute(connector.serviceUrl, { ca: "answer", assessmentId: "ZZZZZZ", itemId: "TF-01", result: "yes" }, "bot-1"),
    );
    expect(response.status).toBe(200);
    expect(response.body?.value).toContain("找不到代碼為 ZZZZZZ 的自評");
  });
});

describe("Teams channel when the engine fails", () => {
  const failing: Engine = scriptedEngine(async () => {
    throw new Error("database is locked");
  });

  it("tells the user briefly, with the request id, for a message and for a card action", async () => {
    const connector = await startFakeConnector();
    const bot = await startTeamsBot(failing);
    try {
      const message = await post(bot.messagesUrl, textMessage(connector.serviceUrl, "個資法第27條"));
      expect(message.status).toBe(200);
      expect(connector.sent()[0]?.body.text).toBe(`抱歉，處理這則訊息時發生錯誤，請稍後再試。若問題持續，請把代碼 ${message.requestId} 提供給管理員。`);
      const invoke = await post(bot.messagesUrl, execute(connector.serviceUrl, { ca: "command", command: "status" }, "bot-1", { locale: "en-US" }));
      expect(invoke.status).toBe(200);
      expect(invoke.body?.value).toBe(
        `Sorry, something went wrong while handling this message. Please try again later. If it keeps happening, give your admin the code ${invoke.requestId}.`,
      );
      const logged = bot.logger.entries.find((e) => e.level === "error");
      expect(logged).toMatchObject({ message: "engine failed", fields: { requestId: message.requestId, err: "database is locked" } });
      expect(JSON.stringify(bot.logger.entries)).not.toContain("個資法第27條");
    } finally {
      await bot.close();
      await connector.close();
    }
  });

  it("answers 200 and logs when the connector refuses the reply", async () => {
    const connector = await startFakeConnector();
    const bot = await startTeamsBot({ ...failing, handle: async () => ({ lang: "zh", parts: [{ kind: "notice", text: "hi", tone: "info" }] }) });
    try {
      connector.failNext(2);
      const response = await post(bot.messagesUrl, textMessage(connector.serviceUrl, "hi"));
      expect(response.status).toBe(200);
      expect(bot.logger.entries.some((e) => e.level === "error" && e.message === "delivery failed")).toBe(true);
    } finally {
      await bot.close();
      await connector.close();
    }
  });
});
