import { describe, expect, it } from "vitest";
import type { Runtime } from "../../adapters/runtime.js";
import type { FakeSlackApi, SlackCall } from "../support/slack/fake-slack-api.js";
import { button, buttonsOf, limitProblems, textOf } from "../support/slack/slack-blocks.js";
import { type SlackBotServer, startSlackBot, useSlackBot } from "../support/slack/slack-bot-server.js";
import { blockActions, envelope, freshId, interaction, messageEvent, sendSigned, slashCommand } from "../support/slack/slack-requests.js";

const FORM = { contentType: "application/x-www-form-urlencoded" } as const;
const DM = "DALICE01";

describe("a self-assessment in Slack, by button clicks", () => {
  let runtime: Runtime & { answerLogPath: string };
  let fake: FakeSlackApi;
  let bot: SlackBotServer;
  let code = "";
  const firstClick: { body?: string } = {};
  let pauseCard: SlackCall | undefined;
  useSlackBot("slack-assess-", (setup) => {
    ({ runtime, fake, bot } = setup);
  });

  const rows = (sql: string, ...params: unknown[]) => bot.store.db.prepare(sql).all(...params) as Array<Record<string, unknown>>;
  const posts = () => fake.callsOf("chat.postMessage");
  const updates = () => fake.callsOf("chat.update");
  const items = () => posts().filter((c) => /^第 \d\/5 題/.test(textOf((c.args.blocks as unknown[] | undefined)?.[0] ?? {})));
  const lastItem = () => {
    const item = items().at(-1);
    if (!item) throw new Error("no item posted");
    return item;
  };
  const tsOf = (call: SlackCall) => String(call.result?.ts);
  /** Clicks a button of a message the bot posted; returns the signed body (to send again). */
  const click = async (message: SlackCall, label: string | RegExp, triggerId = freshId("tr."), user = "UALICE01") => {
    const b = button(message.args.blocks, label);
    const thread = message.args.thread_ts ? { thread_ts: String(message.args.thread_ts) } : {};
    const payload = blockActions({
      user,
      channel: String(message.args.channel),
      message: { ts: tsOf(message), ...thread, blocks: message.args.blocks as unknown[] },
      actionId: b.actionId,
      value: b.value,
      triggerId,
    });
    const body = interaction(payload);
    const res = await sendSigned(bot.eventsUrl, body, FORM);
    expect(res.status).toBe(200);
    return body;
  };
  const waitPosts = (n: number) => fake.waitFor(() => posts().length >= n);
  const waitUpdates = (n: number) => fake.waitFor(() => updates().length >= n);

  it("starts in a DM from /compliance assess, the item as a message with its buttons", async () => {
    const res = await sendSigned(bot.eventsUrl, slashCommand("assess slack-fixture", { responseUrl: `${fake.origin}/response/assess1` }), FORM);
    expect(res.status).toBe(200);
    await fake.waitFor(() => items().length === 1);
    expect(fake.callsOf("conversations.open")[0]?.args.users).toBe("UALICE01");
    expect(String(fake.responses[0]?.body.text)).toContain("私訊");
    const item = lastItem();
    expect(item.args.channel).toBe(DM);
    expect(limitProblems(item.args)).toEqual([]);
    expect(textOf(item.args.blocks)).toContain("是否已訂定個人資料檔案安全維護計畫？");
    expect(buttonsOf(item.args.blocks).map((b) => b.label)).toEqual(["是", "否", "不適用", "補充說明", "為什麼", "跳過", "上一題", "暫停"]);
    code = String(/代碼 ([A-Z0-9]{6})/.exec(textOf(item.args.blocks))?.[1]);
    expect(code).toMatch(/^[A-Z][A-Z0-9]{5}$/);
  });

  it("records 是, updates the item message to show it without buttons, posts the next item; a retried click does nothing more", async () => {
    const card = lastItem();
    const before = posts().length;
    firstClick.body = await click(card, "是");
    await waitUpdates(1);
    await fake.waitFor(() => items().length === 2);
    const update = updates()[0];
    expect(update?.args).toMatchObject({ channel: DM, ts: tsOf(card) });
    expect(textOf(update?.args.blocks)).toContain("第 1/5 題已記錄：*是*");
    expect(buttonsOf(update?.args.blocks)).toEqual([]);
    expect(textOf(lastItem().args.blocks)).toContain("第 2/5 題");
    // Slack (or a double click) sends the same click again.
    expect((await sendSigned(bot.eventsUrl, firstClick.body, FORM)).status).toBe(200);
    await bot.channel.stop?.();
    await fake.settle();
    expect(posts().length).toBe(before + 1);
    expect(updates()).toHaveLength(1);
    expect(rows("SELECT COUNT(*) AS n FROM events WHERE assessment_id = ? AND type = 'answered' AND item_id = 'SF-01'", code)[0]?.n).toBe(1);
  });

  it("takes 否 with an evidence note from the 補充說明 modal, masking personal data", async () => {
    const card = lastItem();
    await click(card, "補充說明", "tr.note.1");
    await fake.waitFor(() => fake.callsOf("views.open").length === 1);
    const open = fake.callsOf("views.open")[0];
    expect(open?.args.trigger_id).toBe("tr.note.1");
    const view = open?.args.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(textOf(view.blocks)).toContain("SF-02");
    const submission = {
      type: "view_submission",
      team: { id: "TFAKE0001" },
      user: { id: "UALICE01", team_id: "TFAKE0001" },
      view: {
        id: "VNOTE0001",
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: {
            result: { value: { type: "radio_buttons", selected_option: { value: "no" } } },
            note: { value: { type: "plain_text_input", value: "尚未建立，預計 2025/6 完成，聯絡人電話 0912345678" } },
          },
        },
      },
    };
    const res = await sendSigned(bot.eventsUrl, interaction(submission), FORM);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    await waitUpdates(2);
    await fake.waitFor(() => items().length === 3);
    const update = updates()[1];
    expect(update?.args.ts).toBe(tsOf(card));
    expect(textOf(update?.args.blocks)).toContain("第 2/5 題已記錄：*否*");
    expect(textOf(update?.args.blocks)).toContain("改善建議");
    const [response] = rows("SELECT * FROM responses WHERE assessment_id = ? AND item_id = 'SF-02'", code);
    expect(response?.result).toBe("no");
    expect(String(response?.note)).toContain("預計 2025/6 完成");
    expect(String(response?.note)).not.toContain("0912345678");
  });

  it("explains 為什麼 with the clauses, leaving the item in place", async () => {
    const card = lastItem();
    const postsBefore = posts().length;
    await click(card, "為什麼");
    await waitPosts(postsBefore + 1);
    const why = posts().at(-1);
    expect(textOf(why?.args.blocks)).toContain("為什麼問「委外監督」");
    expect(textOf(why?.args.blocks)).toContain("《個人資料保護法施行細則》第8條");
    expect(textOf(why?.args.blocks)).toContain("舊版對應：法規命令第 9 條第 1 項第 12 款");
    expect(buttonsOf(why?.args.blocks).some((b) => b.label === "閱讀全文")).toBe(true);
    await fake.settle();
    expect(updates()).toHaveLength(2);
  });

  it("goes back with 上一題: the current item is closed, the previous shown with its answer", async () => {
    const card = lastItem();
    await click(card, "上一題");
    await waitUpdates(3);
    await fake.waitFor(() => items().length === 4);
    expect(updates()[2]?.args.ts).toBe(tsOf(card));
    expect(buttonsOf(updates()[2]?.args.blocks)).toEqual([]);
    expect(textOf(updates()[2]?.args.blocks)).toContain("已回到上一題");
    const previous = lastItem();
    expect(textOf(previous.args.blocks)).toContain("第 2/5 題");
    expect(textOf(previous.args.blocks)).toContain("目前答案：*否*");
  });

  it("adds a note to an answered item without taking the item away", async () => {
    const card = lastItem();
    await click(card, "補充說明", "tr.note.2");
    await fake.waitFor(() => fake.callsOf("views.open").length === 2);
    const view = fake.callsOf("views.open")[1]?.args.view as { callback_id: string; private_metadata: string };
    const submission = {
      type: "view_submission",
      team: { id: "TFAKE0001" },
      user: { id: "UALICE01" },
      view: {
        id: "VNOTE0002",
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: {
            result: { value: { type: "radio_buttons", selected_option: null } },
            note: { value: { type: "plain_text_input", value: "已請廠商提供稽核報告" } },
          },
        },
      },
    };
    const postsBefore = posts().length;
    await sendSigned(bot.eventsUrl, interaction(submission), FORM);
    await waitPosts(postsBefore + 1);
    expect(textOf(posts().at(-1)?.args.blocks)).toContain("已補充第 2 題的佐證說明");
    await fake.settle();
    expect(updates()).toHaveLength(3);
    expect(JSON.parse(String(rows("SELECT notes FROM responses WHERE assessment_id = ? AND item_id = 'SF-02'", code)[0]?.notes))).toMatchObject([
      { text: "已請廠商提供稽核報告", userId: "UALICE01" },
    ]);
  });

  it("pauses with 暫停: the item is closed with a 繼續 button", async () => {
    const card = lastItem();
    await click(card, "暫停");
    await waitUpdates(4);
    pauseCard = updates()[3];
    expect(pauseCard?.args.ts).toBe(tsOf(card));
    expect(textOf(pauseCard?.args.blocks)).toContain("已暫停");
    expect(buttonsOf(pauseCard?.args.blocks).map((b) => b.label)).toEqual(["繼續"]);
    expect(rows("SELECT status FROM assessments WHERE id = ?", code)[0]?.status).toBe("paused");
  });

  it("survives a restart: the old click is still answered once, 繼續 resumes at the next unanswered item", async () => {
    await bot.close();
    bot = await startSlackBot({ runtime, fake });
    const postsBefore = posts().length;
    expect((await sendSigned(bot.eventsUrl, firstClick.body ?? "", FORM)).status).toBe(200);
    await bot.channel.stop?.();
    await fake.settle();
    expect(posts()).toHaveLength(postsBefore);

    if (!pauseCard) throw new Error("no paused item");
    const body = await click(pauseCard, "繼續");
    await fake.waitFor(() => items().length === 5);
    expect(textOf(lastItem().args.blocks)).toContain("第 3/5 題");
    expect(textOf(posts().at(-2)?.args.blocks)).toContain("已完成 2/5 題");
    // The 繼續 click again: nothing new.
    await sendSigned(bot.eventsUrl, body, FORM);
    await bot.channel.stop?.();
    await fake.settle();
    expect(items()).toHaveLength(5);
  });

  it("accepts a typed answer in the DM and updates the item message", async () => {
    const card = lastItem();
    const updatesBefore = updates().length;
    await sendSigned(bot.eventsUrl, messageEvent({ type: "message", channelType: "im", text: "是，去年已核定", channel: DM }));
    await waitUpdates(updatesBefore + 1);
    await fake.waitFor(() => items().length === 6);
    expect(updates().at(-1)?.args.ts).toBe(tsOf(card));
    expect(textOf(updates().at(-1)?.args.blocks)).toContain("第 3/5 題已記錄：*是*");
    expect(textOf(lastItem().args.blocks)).toContain("第 4/5 題");
  });

  it("skips, answers the rest and completes with the status and an export button", async () => {
    await click(lastItem(), "跳過");
    await fake.waitFor(() => items().length === 7);
    expect(textOf(updates().at(-1)?.args.blocks)).toContain("已跳過");
    expect(textOf(lastItem().args.blocks)).toContain("第 5/5 題");
    await click(lastItem(), "不適用");
    await fake.waitFor(() => items().length === 8);
    expect(textOf(lastItem().args.blocks)).toContain("第 4/5 題");
    await click(lastItem(), "是");
    await fake.waitFor(() => posts().some((c) => textOf(c.args.blocks).includes("已全部作答完成")));
    await fake.settle();
    const status = posts().find((c) => buttonsOf(c.args.blocks).some((b) => b.label === "匯出報告"));
    expect(textOf(status?.args.blocks)).toContain("已作答 5/5");
    const responses = rows("SELECT item_id, result FROM responses WHERE assessment_id = ? ORDER BY item_id", code);
    expect(responses.map((r) => `${r.item_id}:${r.result}`)).toEqual(["SF-01:yes", "SF-02:no", "SF-03:yes", "SF-04:yes", "SF-05:na"]);
    expect(rows("SELECT status FROM assessments WHERE id = ?", code)[0]?.status).toBe("completed");
  });

  it("uploads the report as xlsx to the DM through files.uploadV2", async () => {
    const status = posts().find((c) => buttonsOf(c.args.blocks).some((b) => b.label === "匯出報告"));
    if (!status) throw new Error("no status message");
    await click(status, "匯出報告");
    await fake.waitFor(() => fake.callsOf("files.completeUploadExternal").length === 1);
    const url = fake.callsOf("files.getUploadURLExternal")[0];
    expect(String(url?.args.filename)).toMatch(new RegExp(`^compliance-report-${code}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    expect(Number(url?.args.length)).toBeGreaterThan(1000);
    expect(fake.uploads[0]?.bytes).toBeGreaterThan(1000);
    expect(fake.uploads[0]?.body.includes(Buffer.from("PK\u0003\u0004"))).toBe(true);
    const complete = fake.callsOf("files.completeUploadExternal")[0];
    expect(complete?.args.channel_id).toBe(DM);
    expect(complete?.args.files).toEqual([expect.objectContaining({ id: "F1" })]);
  });

  it("answers /compliance report and /compliance status from a channel privately; the file goes to the DM", async () => {
    await sendSigned(bot.eventsUrl, slashCommand(`report ${code}`, { responseUrl: `${fake.origin}/response/report1` }), FORM);
    await fake.waitFor(
      () => fake.callsOf("files.completeUploadExternal").length === 2 && fake.responses.filter((r) => r.path === "/response/report1").length === 2,
    );
    expect(fake.callsOf("files.completeUploadExternal")[1]?.args.channel_id).toBe(DM);
    expect(fake.responses.map((r) => JSON.stringify(r.body)).join()).toContain("已傳送到你的私訊");
    await sendSigned(bot.eventsUrl, slashCommand("status", { responseUrl: `${fake.origin}/response/status1` }), FORM);
    await fake.waitFor(() => fake.responses.some((r) => r.path === "/response/status1"));
    const status = fake.responses.find((r) => r.path === "/response/status1");
    expect(status?.body.response_type).toBe("ephemeral");
    expect(textOf(status?.body.blocks)).toContain("已作答 5/5");
  });

  it("publishes the Home tab with the assessment's progress and the checklists to start", async () => {
    const res = await sendSigned(bot.eventsUrl, envelope({ type: "app_home_opened", user: "UALICE01", channel: DM, tab: "home" }));
    expect(res.status).toBe(200);
    await fake.waitFor(() => fake.callsOf("views.publish").length === 1);
    const publish = fake.callsOf("views.publish")[0];
    expect(publish?.args.user_id).toBe("UALICE01");
    const view = publish?.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    expect(limitProblems({ text: "home", blocks: view.blocks }, 100)).toEqual([]);
    expect(textOf(view.blocks)).toContain(code);
    expect(textOf(view.blocks)).toContain("已作答 5/5");
    expect(textOf(view.blocks)).toContain("Slack 測試查核表");
    expect(buttonsOf(view.blocks).map((b) => b.label)).toEqual(expect.arrayContaining(["匯出報告", "開始"]));
  });

  it("starts from the Home tab in the DM, and runs an assessment in a channel thread with `assess here`", async () => {
    fake.reset();
    await sendSigned(bot.eventsUrl, envelope({ type: "app_home_opened", user: "UBOB0001", tab: "home" }));
    await fake.waitFor(() => fake.callsOf("views.publish").length === 1);
    const home = fake.callsOf("views.publish")[0]?.args.view as { blocks: unknown[] };
    const start = button(home.blocks, "開始");
    const fromHome = {
      type: "block_actions",
      user: { id: "UBOB0001", team_id: "TFAKE0001" },
      team: { id: "TFAKE0001" },
      trigger_id: freshId("tr."),
      container: { type: "view", view_id: "V1" },
      view: { id: "V1", type: "home" },
      actions: [{ type: "button", action_id: start.actionId, value: start.value, action_ts: "1" }],
    };
    await sendSigned(bot.eventsUrl, interaction(fromHome), FORM);
    await fake.waitFor(() => items().length === 1);
    expect(lastItem().args.channel).toBe("DBOB0001");

    await sendSigned(bot.eventsUrl, slashCommand("assess slack-fixture here", { user: "UCAROL01", channel: "CTEAM0001" }), FORM);
    await fake.waitFor(() => items().length === 2);
    const root = posts().find((c) => c.args.channel === "CTEAM0001" && !c.args.thread_ts);
    const item = lastItem();
    expect(item.args).toMatchObject({ channel: "CTEAM0001", thread_ts: tsOf(root as SlackCall) });
    await click(item, "否", "tr.thread.1", "UCAROL01");
    await fake.waitFor(() => items().length === 3);
    expect(lastItem().args.thread_ts).toBe(tsOf(root as SlackCall));
    expect(updates().at(-1)?.args).toMatchObject({ channel: "CTEAM0001", ts: tsOf(item) });
  });

  it("logged no error on the way", () => {
    expect(bot.logger.entries.filter((e) => e.level === "error")).toEqual([]);
  });
});
