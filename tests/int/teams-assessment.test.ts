import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/corpus.js";
import { actionsOf, cardOf, execute, post, submit, textMessage, textOf, type Who } from "../support/teams/activities.js";
import { type ConnectorCall, type FakeConnector, startFakeConnector } from "../support/teams/fake-connector.js";
import { type FakeIssuer, startFakeIssuer } from "../support/teams/fake-issuer.js";
import { startTeamsBot, type TeamsBotServer, teamsServices } from "../support/teams/teams-bot-server.js";

const APP_ID = "0b7e5c2d-1a3f-4e6b-9c8d-7f6e5d4c3b2a";

// biome-ignore lint/suspicious/noExplicitAny: cards are free-form JSON.
type Json = Record<string, any>;

/** The item card among sent activities: the one whose buttons answer an item. */
function itemCard(calls: ConnectorCall[]): { call: ConnectorCall; card: Json; itemId: string; assessmentId: string } {
  for (const call of calls) {
    const card = cardOf(call.body);
    const answer = actionsOf(card).find((a) => a.data?.ca === "answer");
    if (card && answer) return { call, card, itemId: answer.data.itemId, assessmentId: answer.data.assessmentId };
  }
  throw new Error(`no item card in ${JSON.stringify(calls.map((c) => c.body?.text ?? textOf(cardOf(c.body)).slice(0, 40)))}`);
}

describe("a self-assessment through Teams cards", () => {
  const data = tempDir("teams-assess-");
  let services: Awaited<ReturnType<typeof teamsServices>>;
  let issuer: FakeIssuer;
  let connector: FakeConnector;
  let bot: TeamsBotServer;
  const who: Who = { userId: "29:carol", userName: "Carol", conversationId: "a:personal-carol" };
  // Activities go through real authentication: a valid channel token on every request.
  const send = (activity: Json) => post(bot.messagesUrl, activity, issuer.token({ aud: APP_ID, serviceurl: activity.serviceUrl }));
  const db = () => new Database(services.answerLogPath, { readonly: true });

  beforeAll(async () => {
    services = await teamsServices(data.path);
    issuer = await startFakeIssuer();
    connector = await startFakeConnector();
    bot = await startTeamsBot(services.engine, {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "test-secret",
      TEAMS_OPENID_METADATA_URL: issuer.metadataUrl,
      TEAMS_TOKEN_ISSUER: issuer.issuer,
      TEAMS_TOKEN_ENDPOINT: issuer.tokenEndpoint,
    });
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
    await issuer.close();
    await services.store.close();
    data.cleanup();
  });

  let assessmentId = "";
  let card: ReturnType<typeof itemCard>;

  it("starts on 開始自評 and sends the first item as a card with every control", async () => {
    const mark = connector.calls.length;
    expect((await send(textMessage(connector.serviceUrl, "開始自評", who))).status).toBe(200);
    const sent = connector.sent(mark);
    expect(sent[0]?.body.text).toMatch(/已開始「Teams 測試查核表」，共 4 題。自評代碼 [0-9A-Z]{6}/);
    card = itemCard(sent);
    assessmentId = card.assessmentId;
    expect(card.itemId).toBe("TF-01");
    expect(card.card.version).toBe("1.5");
    expect(textOf(card.card)).toContain("是否已訂定個人資料檔案安全維護計畫？");
    expect(card.card.body.find((e: Json) => e.type === "Input.Text")).toMatchObject({ id: "note", isMultiline: true });
    const titles = actionsOf(card.card).map((a) => `${a.type}:${a.title}`);
    expect(titles).toEqual([
      "Action.Execute:是",
      "Action.Execute:否",
      "Action.Execute:不適用",
      "Action.Execute:為什麼",
      "Action.Execute:跳過",
      "Action.Execute:上一題",
      "Action.Execute:暫停",
    ]);
    const yes = actionsOf(card.card)[0];
    expect(yes?.fallback).toMatchObject({ type: "Action.Submit", data: yes?.data });
    expect(card.call.body.summary).toContain("【第 1/4 題】");
  });

  it("records an Action.Submit answer, updates the card in place and sends the next item", async () => {
    const mark = connector.calls.length;
    const activity = submit(connector.serviceUrl, { ...actionsOf(card.card)[0]?.data, note: "計畫已核定，承辦人身分證 A123456789" }, card.call.id, who);
    expect((await send(activity)).status).toBe(200);
    const [update] = connector.updates(mark);
    expect(update?.activityId).toBe(card.call.id);
    const recorded = textOf(cardOf(update?.body));
    expect(recorded).toContain("✔ 第 1/4 題已記錄：是");
    expect(recorded).toContain("佐證說明：計畫已核定");
    expect(recorded).not.toContain("A123456789");
    expect(actionsOf(cardOf(update?.body))).toHaveLength(0);
    const sent = connector.sent(mark);
    expect(sent.some((c) => /已遮蔽後才記錄/.test(c.body.text ?? ""))).toBe(true);
    card = itemCard(sent);
    expect(card.itemId).toBe("TF-02");

    // The same activity delivered again (a channel retry) records nothing and sends nothing.
    const again = connector.calls.length;
    expect((await send(activity)).status).toBe(200);
    expect(connector.calls.length).toBe(again);
    const database = db();
    expect(database.prepare("SELECT COUNT(*) AS n FROM events WHERE assessment_id = ? AND type = 'answered'").get(assessmentId)).toEqual({ n: 1 });
    database.close();
  });

  it("records an Action.Execute answer and returns the recorded card in the invoke response", async () => {
    const mark = connector.calls.length;
    const no = actionsOf(card.card).find((a) => a.title === "否");
    const activity = execute(connector.serviceUrl, { ...no?.data, note: "" }, card.call.id, who);
    const response = await send(activity);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    const recorded = textOf(response.body?.value);
    expect(recorded).toContain("✔ 第 2/4 題已記錄：否");
    expect(recorded).toContain("改善建議：建立存取控制與加密等措施。");
    expect(connector.updates(mark)).toHaveLength(0);
    card = itemCard(connector.sent(mark));
    expect(card.itemId).toBe("TF-03");

    // A duplicate invoke gets the same card back and sends nothing new.
    const again = connector.calls.length;
    const duplicate = await send(activity);
    expect(duplicate.body).toEqual(response.body);
    expect(connector.calls.length).toBe(again);
  });

  it("explains an item with 為什麼: the clauses, the old reference and a case study", async () => {
    const mark = connector.calls.length;
    const why = actionsOf(card.card).find((a) => a.title === "為什麼");
    const response = await send(execute(connector.serviceUrl, why?.data ?? {}, card.call.id, who));
    expect(response.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.activity.message" });
    const whyCard = cardOf(connector.sent(mark)[0]?.body);
    const text = textOf(whyCard);
    expect(text).toContain("為什麼問「委外監督」");
    expect(text).toContain("《個人資料保護法施行細則》第8條");
    expect(text).toContain("舊版對應：法規命令第 9 條第 1 項第 12 款");
    expect(actionsOf(whyCard).some((a) => a.type === "Action.OpenUrl" && /pcode=I0050022&flno=8/.test(a.url))).toBe(true);
  });

  it("answers by card, goes back by typing, and changes the answer", async () => {
    let mark = connector.calls.length;
    const na = actionsOf(card.card).find((a) => a.title === "不適用");
    await send(execute(connector.serviceUrl, { ...na?.data, note: "沒有委外廠商" }, card.call.id, who));
    expect(itemCard(connector.sent(mark)).itemId).toBe("TF-04");

    mark = connector.calls.length;
    await send(textMessage(connector.serviceUrl, "上一題", who));
    card = itemCard(connector.sent(mark));
    expect(card.itemId).toBe("TF-03");
    expect(textOf(card.card)).toContain("目前答案：不適用（Carol）：沒有委外廠商");
    expect(card.card.body.find((e: Json) => e.type === "Input.Text")?.value).toBe("沒有委外廠商");

    mark = connector.calls.length;
    const yes = actionsOf(card.card).find((a) => a.title === "是");
    await send(submit(connector.serviceUrl, { ...yes?.data, note: "每年查核物流商" }, card.call.id, who));
    expect(textOf(cardOf(connector.updates(mark)[0]?.body))).toContain("✔ 第 3/4 題已記錄：是");
    card = itemCard(connector.sent(mark));
    expect(card.itemId).toBe("TF-04");
  });

  it("finishes by typing an answer and shows the status with 報告", async () => {
    const mark = connector.calls.length;
    await send(textMessage(connector.serviceUrl, "是，有資料流向清單", who));
    const sent = connector.sent(mark);
    expect(textOf(cardOf(sent[0]?.body))).toContain("✔ 第 4/4 題已記錄：是");
    expect(sent.some((c) => /4 題已全部作答完成/.test(c.body.text ?? ""))).toBe(true);
    const status = sent.map((c) => cardOf(c.body)).find((c) => textOf(c).includes("已作答: 4/4"));
    expect(textOf(status)).toContain("是／否／不適用: 3／1／0");
    expect(actionsOf(status).map((a) => a.title)).toEqual(["報告", "分享"]);

    const database = db();
    const rows = database
      .prepare("SELECT item_id, result, note, user_id, user_name, channel FROM responses WHERE assessment_id = ? ORDER BY item_id")
      .all(assessmentId);
    const assessment = database.prepare("SELECT status, channel, owner_id FROM assessments WHERE id = ?").get(assessmentId);
    const answered = database.prepare("SELECT COUNT(*) AS n FROM events WHERE assessment_id = ? AND type = 'answered'").get(assessmentId);
    database.close();
    expect(assessment).toEqual({ status: "completed", channel: "teams", owner_id: "29:carol" });
    expect(rows).toEqual([
      {
        item_id: "TF-01",
        result: "yes",
        note: expect.stringMatching(/^計畫已核定，承辦人身分證 (?!A123456789)/),
        user_id: "29:carol",
        user_name: "Carol",
        channel: "teams",
      },
      { item_id: "TF-02", result: "no", note: null, user_id: "29:carol", user_name: "Carol", channel: "teams" },
      { item_id: "TF-03", result: "yes", note: "每年查核物流商", user_id: "29:carol", user_name: "Carol", channel: "teams" },
      { item_id: "TF-04", result: "yes", note: "有資料流向清單", user_id: "29:carol", user_name: "Carol", channel: "teams" },
    ]);
    // Five answers were given (TF-03 twice); the duplicate deliveries added none.
    expect(answered).toEqual({ n: 5 });
  });

  it("delivers the report as an xlsx download link the bot serves", async () => {
    const mark = connector.calls.length;
    const response = await send(execute(connector.serviceUrl, { ca: "command", command: "report", assessmentId }, "bot-1", who));
    expect(response.status).toBe(200);
    const reportMessage = connector.sent(mark).find((c) => textOf(cardOf(c.body)).startsWith("查核報告"));
    const link = actionsOf(cardOf(reportMessage?.body)).find((a) => a.type === "Action.OpenUrl");
    expect(link?.url).toMatch(new RegExp(`^${bot.url}/api/teams/reports/[A-Za-z0-9_-]{43}$`));
    expect(reportMessage?.body.summary).toContain(link?.url);

    const download = await fetch(link?.url);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="self-assessment-${assessmentId}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await download.arrayBuffer());
    const table = workbook.worksheets[0];
    expect(table?.getRow(5).getCell(3).value).toBe("是");
    expect(table?.getRow(6).getCell(3).value).toBe("否");

    expect((await fetch(`${bot.url}/api/teams/reports/not-a-real-token`)).status).toBe(404);
  });

  it("refuses the report of someone else's assessment", async () => {
    const mark = connector.calls.length;
    const mallory: Who = { userId: "29:mallory", userName: "Mallory", conversationId: "a:personal-mallory" };
    await send(execute(connector.serviceUrl, { ca: "command", command: "report", assessmentId }, "bot-1", mallory));
    const sent = connector.sent(mark);
    expect(sent.every((c) => cardOf(c.body) === undefined)).toBe(true);
    expect(sent.map((c) => c.body.text).join("\n")).toContain(`找不到代碼為 ${assessmentId} 的自評`);
  });
});
