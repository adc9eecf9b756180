import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../adapters/config.js";
import { createLogger } from "../../adapters/logger.js";
import { createRuntime, type Runtime } from "../../adapters/runtime.js";
import { corpusDir, tempDir } from "../support/corpus.js";
import { type FakeLlmServer, type ScriptedReply, startFakeLlmServer } from "../support/llm/fake-llm-server.js";
import { correctAnswer } from "../support/llm/scripts.js";
import { type FakeSlackApi, startFakeSlackApi } from "../support/slack/fake-slack-api.js";
import { button, buttonsOf, textOf } from "../support/slack/slack-blocks.js";
import { type SlackBotServer, startSlackBot } from "../support/slack/slack-bot-server.js";
import { blockActions, interaction, messageEvent, sendSigned } from "../support/slack/slack-requests.js";

const FORM = { contentType: "application/x-www-form-urlencoded" } as const;
// A question written for this test.
const QUESTION = "會員個資外洩了，要在多久內通報？";

describe("Slack with a language model: a working state, then the verified answer in its place", () => {
  const data = tempDir("slack-model-");
  let llm: FakeLlmServer;
  let script: (call: Parameters<typeof correctAnswer>[0]) => ScriptedReply = correctAnswer;
  let runtime: Runtime & { answerLogPath: string };
  let fake: FakeSlackApi;
  let bot: SlackBotServer;
  beforeAll(async () => {
    llm = await startFakeLlmServer((call) => script(call));
    const env = {
      REGULATIONS_DIR: corpusDir(),
      DATA_DIR: data.path,
      LOG_LEVEL: "silent",
      LLM_PROVIDER: "ollama",
      LLM_MODEL: "qwen2.5:7b",
      LLM_BASE_URL: llm.url,
    };
    runtime = { ...(await createRuntime(loadConfig(env), { logger: createLogger("silent") })), answerLogPath: join(data.path, "answers.db") };
    fake = await startFakeSlackApi();
    bot = await startSlackBot({ runtime, fake });
  });
  afterAll(async () => {
    await bot?.close();
    await fake?.close();
    await llm?.close();
    data.cleanup();
  });

  const rows = (sql: string, ...params: unknown[]) => bot.store.db.prepare(sql).all(...params) as Array<Record<string, unknown>>;
  const mention = (channel: string, ts: string) => sendSigned(bot.eventsUrl, messageEvent({ text: `<@UBOT0001> ${QUESTION}`, channel, ts }));

  it("posts the working state in the thread, replaces it with the labelled answer, and 👎 asks why", async () => {
    fake.reset();
    script = correctAnswer;
    expect((await mention("CMODEL001", "1710000900.000100")).status).toBe(200);
    await fake.waitFor((api) => api.callsOf("chat.update").length === 1);
    const [placeholder] = fake.callsOf("chat.postMessage");
    expect(fake.callsOf("chat.postMessage")).toHaveLength(1);
    expect(placeholder?.args).toMatchObject({ channel: "CMODEL001", thread_ts: "1710000900.000100" });
    expect(textOf(placeholder?.args.blocks)).toContain("正在依引用條文整理答案");
    const update = fake.callsOf("chat.update")[0]?.args ?? {};
    expect(update.channel).toBe("CMODEL001");
    expect(typeof update.ts).toBe("string");
    const blocks = update.blocks;
    expect(textOf(blocks)).toContain("由模型整理，以引用條文為準");
    expect(textOf(blocks)).toContain("資料來源：法務部全國法規資料庫");
    expect(buttonsOf(blocks).map((b) => b.label)).toEqual(expect.arrayContaining(["閱讀全文", "👍 有幫助", "👎 沒幫助"]));
    const [question] = rows("SELECT * FROM questions WHERE conversation_id = 'CMODEL001:1710000900.000100'");
    expect(question).toMatchObject({ answer_mode: "model", model_provider: "ollama", model_name: "qwen2.5:7b", fallback_reason: null });

    // 👎 offers the reasons privately; the pick lands in the answer log with the citations.
    const down = button(blocks, "👎 沒幫助");
    const message = { ts: String(update.ts), thread_ts: "1710000900.000100" };
    await sendSigned(
      bot.eventsUrl,
      interaction(blockActions({ channel: "CMODEL001", message, actionId: down.actionId, value: down.value, triggerId: "tr.m.1" })),
      FORM,
    );
    await fake.waitFor((api) => api.callsOf("chat.postEphemeral").length === 1);
    const offer = fake.callsOf("chat.postEphemeral")[0]?.args.blocks;
    expect(buttonsOf(offer).map((b) => b.label)).toEqual(["引用條文不對", "規定已過時", "沒有回答問題", "其他"]);
    const outdated = button(offer, "規定已過時");
    await sendSigned(
      bot.eventsUrl,
      interaction(blockActions({ channel: "CMODEL001", message, actionId: outdated.actionId, value: outdated.value, triggerId: "tr.m.2" })),
      FORM,
    );
    await fake.waitFor((api) => api.callsOf("chat.postEphemeral").length === 2);
    const feedback = rows("SELECT value, reason, citation_ids FROM feedback WHERE question_id = ? ORDER BY seq", question?.id);
    expect(feedback.map((f) => [f.value, f.reason])).toEqual([
      ["down", null],
      ["down", "outdated"],
    ]);
    expect(feedback[1]?.citation_ids).toBe(question?.citation_ids);
  });

  it("replaces the working state with the offline answer when the model fails", async () => {
    fake.reset();
    script = () => ({ kind: "status", status: 500 });
    expect((await mention("CMODEL002", "1710000950.000100")).status).toBe(200);
    await fake.waitFor((api) => api.callsOf("chat.update").length === 1);
    expect(fake.callsOf("chat.postMessage")).toHaveLength(1);
    const blocks = fake.callsOf("chat.update")[0]?.args.blocks;
    expect(textOf(blocks)).not.toContain("由模型整理");
    expect(textOf(blocks)).toContain("引用條文");
    expect(rows("SELECT answer_mode, fallback_reason FROM questions WHERE conversation_id = 'CMODEL002:1710000950.000100'")).toEqual([
      { answer_mode: "offline", fallback_reason: "model_error" },
    ]);
  });
});
