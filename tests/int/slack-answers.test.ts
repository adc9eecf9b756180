import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "../../adapters/runtime.js";
import type { Engine } from "../../bot/index.js";
import { AppError } from "../../knowledge/index.js";
import { tempDir } from "../support/corpus.js";
import { type FakeSlackApi, startFakeSlackApi } from "../support/slack/fake-slack-api.js";
import { button, buttonsOf, limitProblems, textOf } from "../support/slack/slack-blocks.js";
import { type SlackBotServer, slackRuntime, startSlackBot } from "../support/slack/slack-bot-server.js";
import { blockActions, interaction, messageEvent, sendSigned, slashCommand } from "../support/slack/slack-requests.js";

const FORM = { contentType: "application/x-www-form-urlencoded" } as const;

// Questions written for these tests (not taken from any evaluation set).
describe("questions in Slack: cited answers in threads", () => {
  const data = tempDir("slack-answers-");
  let runtime: Runtime & { answerLogPath: string };
  let fake: FakeSlackApi;
  let bot: SlackBotServer;
  /** Makes the engine fail on a marker, the way a broken index or database would. */
  const failing = (engine: Engine): Engine => ({
    ...engine,
    handle: async (turn) => {
      if (turn.text?.includes("觸發故障")) throw new AppError("STORE_FAILED", "disk I/O error at /var/data/answers.db");
      return engine.handle(turn);
    },
  });

  beforeAll(async () => {
    runtime = await slackRuntime(data.path);
    fake = await startFakeSlackApi();
    bot = await startSlackBot({ runtime, fake, wrapEngine: failing });
  });
  afterAll(async () => {
    await bot?.close();
    await fake?.close();
    data.cleanup();
  });

  const rows = (sql: string, ...params: unknown[]) => bot.store.db.prepare(sql).all(...params) as Array<Record<string, unknown>>;
  const mention = (text: string, channel: string, ts: string, threadTs?: string) =>
    sendSigned(bot.eventsUrl, messageEvent({ text: `<@UBOT0001> ${text}`, channel, ts, ...(threadTs ? { threadTs } : {}) }));

  it("answers a mention in the thread of the question, each citation its own block with quote, date, source, full-text button and link", async () => {
    fake.reset();
    const res = await mention("個資法第27條", "CLEGAL001", "1710000000.000100");
    expect(res.status).toBe(200);
    await fake.waitFor((api) => api.callsOf("chat.postMessage").length === 1);
    const post = fake.callsOf("chat.postMessage")[0];
    expect(post?.token).toBe("xoxb-test-token");
    expect(post?.args).toMatchObject({ channel: "CLEGAL001", thread_ts: "1710000000.000100" });
    expect(limitProblems(post?.args ?? {})).toEqual([]);
    const blocks = post?.args.blocks as Array<Record<string, unknown>>;
    const citation = blocks.find((b) => b.type === "section" && textOf(b).includes("《個人資料保護法》第27條") && b.accessory);
    expect(textOf(citation)).toContain("非公務機關保有個人資料檔案者，應採行適當之安全措施");
    expect(textOf(citation)).toContain("條文日期 2023-05-31");
    expect(textOf(blocks)).toContain("資料來源：法務部全國法規資料庫");
    expect(textOf(blocks)).toContain("<https://law.moj.gov.tw/LawClass/LawSingle.aspx?pcode=I0050021&flno=27|");
    expect(buttonsOf(blocks).map((b) => b.label)).toEqual(expect.arrayContaining(["閱讀全文", "👍 有幫助", "👎 沒幫助"]));
    expect(String(post?.args.text)).toContain("個人資料保護法");
    const [question] = rows("SELECT * FROM questions WHERE conversation_id = 'CLEGAL001:1710000000.000100'");
    expect(JSON.parse(String(question?.citation_ids))[0]).toBe("I0050021:27");
  });

  it("uses the thread as context for a follow-up", async () => {
    fake.reset();
    await mention("施行細則第12條第2項", "CLEGAL001", "1710000100.000100");
    await fake.waitFor((api) => api.callsOf("chat.postMessage").length === 1);
    await mention("那第1項呢？", "CLEGAL001", "1710000101.000100", "1710000100.000100");
    await fake.waitFor((api) => api.callsOf("chat.postMessage").length === 2);
    const followUp = fake.callsOf("chat.postMessage")[1];
    expect(followUp?.args.thread_ts).toBe("1710000100.000100");
    const [asked] = rows("SELECT citation_ids FROM questions WHERE conversation_id = 'CLEGAL001:1710000100.000100' ORDER BY asked_at DESC LIMIT 1");
    expect(JSON.parse(String(asked?.citation_ids))[0]).toBe("I0050022:12:1");
  });

  it("warns about a repealed regulation and names its successor", async () => {
    fake.reset();
    await mention("網際網路零售業個資辦法第9條第1項第12款還適用嗎？", "CLEGAL001", "1710000200.000100");
    await fake.waitFor((api) => api.callsOf("chat.postMessage").length === 1);
    const text = textOf(fake.callsOf("chat.postMessage")[0]?.args.blocks);
    expect(text).toContain("已於 2023-11-21 廢止");
    expect(text).toContain("現行規定");
  });

  it("opens the whole clause in a modal from 閱讀全文", async () => {
    fake.reset();
    await mention("個資法第27條", "CLEGAL002", "1710000300.000100");
    await fake.waitFor((api) => api.callsOf("chat.postMessage").length === 1);
    const post = fake.callsOf("chat.postMessage")[0];
    const read = button(post?.args.blocks, "閱讀全文");
    const click = blockActions({
      channel: "CLEGAL002",
      message: { ts: "1710000301.000100", thread_ts: "1710000300.000100" },
      actionId: read.actionId,
      value: read.value,
      triggerId: "tr.modal.1",
    });
    expect((await sendSigned(bot.eventsUrl, interaction(click), FORM)).status).toBe(200);
    await fake.waitFor((api) => api.callsOf("views.open").length === 1);
    const open = fake.callsOf("views.open")[0];
    expect(open?.args.trigger_id).toBe("tr.modal.1");
    const view = open?.args.view as Record<string, unknown>;
    expect(textOf(view.blocks)).toContain("非公務機關保有個人資料檔案者，應採行適當之安全措施");
    expect(textOf(view.blocks)).toContain("中央目的事業主管機關"); // the second paragraph, beyond the quote
    expect(limitProblems({ text: "x", blocks: view.blocks }, 100)).toEqual([]);
  });

  it("records 👍 / 👎 with the question in the answer log and thanks privately", async () => {
    fake.reset();
    await mention("委外處理個資要怎麼監督？", "CLEGAL003", "1710000400.000100");
    await fake.waitFor((api) => api.callsOf("chat.postMessage").length === 1);
    const blocks = fake.callsOf("chat.postMessage")[0]?.args.blocks;
    for (const [label, trigger] of [
      ["👍 有幫助", "tr.fb.1"],
      ["👎 沒幫助", "tr.fb.2"],
    ] as const) {
      const b = button(blocks, label);
      const click = blockActions({
        channel: "CLEGAL003",
        message: { ts: "1710000401.000100", thread_ts: "1710000400.000100" },
        actionId: b.actionId,
        value: b.value,
        triggerId: trigger,
      });
      expect((await sendSigned(bot.eventsUrl, interaction(click), FORM)).status).toBe(200);
    }
    await fake.waitFor((api) => api.callsOf("chat.postEphemeral").length === 2);
    expect(fake.callsOf("chat.postEphemeral")[0]?.args).toMatchObject({ channel: "CLEGAL003", user: "UALICE01", thread_ts: "1710000400.000100" });
    expect(fake.callsOf("chat.postMessage")).toHaveLength(1);
    const feedback = rows(
      "SELECT f.value, f.user_id, q.question, q.citation_ids FROM feedback f JOIN questions q ON q.id = f.question_id WHERE q.conversation_id = 'CLEGAL003:1710000400.000100' ORDER BY f.seq",
    );
    expect(feedback.map((f) => f.value)).toEqual(["up", "down"]);
    expect(feedback[0]).toMatchObject({ user_id: "UALICE01", question: "委外處理個資要怎麼監督？" });
    expect(JSON.parse(String(feedback[0]?.citation_ids)).length).toBeGreaterThan(0);
  });

  it("answers a direct message inline in the DM", async () => {
    fake.reset();
    const body = messageEvent({ type: "message", channelType: "im", text: "個資外洩要在幾小時內通報？", channel: "DALICE01", ts: "1710000500.000100" });
    expect((await sendSigned(bot.eventsUrl, body)).status).toBe(200);
    await fake.waitFor((api) => api.callsOf("chat.postMessage").length === 1);
    const post = fake.callsOf("chat.postMessage")[0];
    expect(post?.args.channel).toBe("DALICE01");
    expect(post?.args.thread_ts).toBeUndefined();
    expect(textOf(post?.args.blocks)).toContain("條文日期");
    // The bot's own message echoed back as message.im is ignored.
    const echo = messageEvent({ type: "message", channelType: "im", user: "UBOT0001", text: "echo", channel: "DALICE01", extra: { bot_id: "BBOT0001" } });
    expect((await sendSigned(bot.eventsUrl, echo)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.callsOf("chat.postMessage")).toHaveLength(1);
  });

  it("answers /compliance ask in a thread of its own, the root showing the question with personal data masked", async () => {
    fake.reset();
    const res = await sendSigned(
      bot.eventsUrl,
      slashCommand("ask 客戶 0912345678 要求刪除資料怎麼辦？", { channel: "CLEGAL004", responseUrl: `${fake.origin}/response/ask1` }),
      FORM,
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    await fake.waitFor((api) => api.callsOf("chat.update").length === 1);
    const [root, answer] = fake.callsOf("chat.postMessage");
    expect(root?.args).toMatchObject({ channel: "CLEGAL004" });
    expect(root?.args.thread_ts).toBeUndefined();
    expect(answer?.args.channel).toBe("CLEGAL004");
    const rootTs = fake.callsOf("chat.update")[0]?.args.ts;
    expect(answer?.args.thread_ts).toBe(rootTs);
    const updated = String(fake.callsOf("chat.update")[0]?.args.text);
    expect(updated).toContain("<@UALICE01>");
    expect(updated).not.toContain("0912345678");
  });

  it("answers /compliance ask privately where the bot is not a member", async () => {
    fake.reset();
    fake.failNext("chat.postMessage", { error: "not_in_channel" });
    await sendSigned(bot.eventsUrl, slashCommand("ask 個資法第27條", { channel: "CPRIVATE01", responseUrl: `${fake.origin}/response/ask2` }), FORM);
    await fake.waitFor((api) => api.responses.length === 1);
    const response = fake.responses[0];
    expect(response?.path).toBe("/response/ask2");
    expect(response?.body.response_type).toBe("ephemeral");
    expect(textOf(response?.body.blocks)).toContain("《個人資料保護法》第27條");
    expect(textOf(response?.body.blocks)).toContain("/invite");
  });

  it("waits as long as Retry-After says when the Web API answers 429, then posts", async () => {
    fake.reset();
    fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    await mention("個資法第27條", "CLEGAL005", "1710000600.000100");
    await fake.waitFor((api) => api.callsOf("chat.postMessage").length === 2, 10_000);
    const [limited, retried] = fake.callsOf("chat.postMessage");
    expect(retried?.args).toMatchObject({ channel: "CLEGAL005", thread_ts: "1710000600.000100" });
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(bot.logger.entries.some((e) => e.message.includes("rate limited") && e.fields.retryAfterSeconds === 1)).toBe(true);
  });

  it("tells the user about an engine failure with a request id, and logs the detail", async () => {
    fake.reset();
    await mention("觸發故障", "CLEGAL006", "1710000700.000100");
    await fake.waitFor((api) => api.callsOf("chat.postMessage").length === 1);
    const post = fake.callsOf("chat.postMessage")[0];
    expect(post?.args.thread_ts).toBe("1710000700.000100");
    const text = String(post?.args.text);
    const requestId = /sl-[0-9a-f]{8}/.exec(text)?.[0];
    expect(requestId).toBeDefined();
    expect(text).not.toContain("disk I/O");
    expect(text).not.toContain("at ");
    const logged = bot.logger.entries.find((e) => e.level === "error" && e.fields.requestId === requestId);
    expect(logged?.message).toBe("engine failed");
    expect(JSON.stringify(logged?.fields)).toContain("disk I/O error");
  });

  it("sends the text alone when Slack rejects the blocks", async () => {
    fake.reset();
    fake.failNext("chat.postMessage", { error: "invalid_blocks" });
    await mention("個資法第27條", "CLEGAL007", "1710000800.000100");
    await fake.waitFor((api) => api.callsOf("chat.postMessage").length === 2);
    const fallback = fake.callsOf("chat.postMessage")[1];
    expect(fallback?.args.blocks).toBeUndefined();
    expect(String(fallback?.args.text)).toContain("個人資料保護法");
  });
});
