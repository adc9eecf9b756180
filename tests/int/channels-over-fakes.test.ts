import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAssistant } from "../../bot/index.js";
import { tempDir } from "../support/corpus.js";
import { createFakeRetriever, FIXTURE_RULES, fixtureKnowledge, useFakeEngine } from "../support/fakes/index.js";
import { type FakeSlackApi, startFakeSlackApi } from "../support/slack/fake-slack-api.js";
import { textOf as slackText } from "../support/slack/slack-blocks.js";
import { type SlackBotServer, startSlackBot } from "../support/slack/slack-bot-server.js";
import { messageEvent, sendSigned } from "../support/slack/slack-requests.js";
import { cardOf, post, textMessage, textOf } from "../support/teams/activities.js";
import { type FakeConnector, startFakeConnector } from "../support/teams/fake-connector.js";
import { startTeamsBot, type TeamsBotServer } from "../support/teams/teams-bot-server.js";

// Both channels over a handful of clauses written in the test (tests/support/fakes): real
// HTTP, real Bolt and CloudAdapter, real SQLite, no corpus and no index build.
describe("Teams over the fake retriever and knowledge source", () => {
  const fake = useFakeEngine();
  let connector: FakeConnector;
  let bot: TeamsBotServer;
  beforeEach(async () => {
    connector = await startFakeConnector();
    bot = await startTeamsBot(fake().engine);
  });
  afterEach(async () => {
    await bot.close();
    await connector.close();
  });

  it("answers with the fixture clause as a cited card", async () => {
    const activity = textMessage(connector.serviceUrl, "個資法第27條第1項", { userId: "29:lee", conversationId: "a:personal-lee" });
    expect((await post(bot.messagesUrl, activity)).status).toBe(200);
    const text = textOf(cardOf(connector.sent()[0]?.body));
    expect(text).toContain("《個人資料保護法》第27條第1項");
    expect(text).toContain("非公務機關保有個人資料檔案者，應採行適當之安全措施");
    expect(text).toContain("資料來源：法務部全國法規資料庫");
  });

  it("says a cited rule is repealed and names its successor", async () => {
    await post(bot.messagesUrl, textMessage(connector.serviceUrl, "舊辦法的委外規定", { userId: "29:lee", conversationId: "a:personal-lee" }));
    const text = textOf(cardOf(connector.sent()[0]?.body));
    expect(text).toContain("廢止");
    expect(text).toContain("《數位經濟相關產業個人資料檔案安全維護管理辦法》第19條第2項");
  });
});

describe("Slack over the fake retriever and knowledge source", () => {
  const data = tempDir("slack-fakes-");
  const knowledge = fixtureKnowledge();
  let api: FakeSlackApi;
  let bot: SlackBotServer;
  beforeAll(async () => {
    api = await startFakeSlackApi();
    const assistant = createAssistant({ retriever: createFakeRetriever(FIXTURE_RULES, knowledge), knowledge });
    bot = await startSlackBot({ runtime: { assistant, index: { kb: knowledge }, answerLogPath: join(data.path, "answers.db") }, fake: api });
  });
  afterAll(async () => {
    await bot?.close();
    await api?.close();
    data.cleanup();
  });

  it("answers a mention in its thread with the fixture clause", async () => {
    api.reset();
    const res = await sendSigned(bot.eventsUrl, messageEvent({ text: "<@UBOT0001> 委外廠商要怎麼監督？", channel: "CFAKE0001", ts: "1710000000.000200" }));
    expect(res.status).toBe(200);
    await api.waitFor((a) => a.callsOf("chat.postMessage").length === 1);
    const reply = api.callsOf("chat.postMessage")[0];
    expect(reply?.args).toMatchObject({ channel: "CFAKE0001", thread_ts: "1710000000.000200" });
    const text = slackText(reply?.args.blocks);
    expect(text).toContain("《數位經濟相關產業個人資料檔案安全維護管理辦法》第19條第2項");
    expect(text).toContain("業者委託他人蒐集、處理或利用個人資料者");
  });

  it("starts the fixture checklist in a DM", async () => {
    api.reset();
    await sendSigned(bot.eventsUrl, messageEvent({ type: "message", text: "開始自評", channel: "DFAKE0001", channelType: "im", ts: "1710000000.000300" }));
    await api.waitFor((a) => a.callsOf("chat.postMessage").some((c) => slackText(c.args.blocks).includes("採行安全措施")));
    const rows = bot.store.db.prepare("SELECT checklist_id FROM assessments").all();
    expect(rows).toEqual([{ checklist_id: "mini" }]);
  });
});
