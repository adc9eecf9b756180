import { describe, expect, it } from "vitest";
import { createSlackChannel } from "../../adapters/channels/slack/index.js";
import { loadConfig } from "../../adapters/config.js";
import type { Runtime } from "../../adapters/runtime.js";
import { isAppError } from "../../knowledge/index.js";
import { corpusDir } from "../support/corpus.js";
import { scriptedEngine } from "../support/fakes/index.js";
import { recordingLogger } from "../support/recording-logger.js";
import type { FakeSlackApi } from "../support/slack/fake-slack-api.js";
import { startFakeSocketMode } from "../support/slack/fake-socket-mode.js";
import { limitProblems, textOf } from "../support/slack/slack-blocks.js";
import { type SlackBotServer, startSlackBot, useSlackBot } from "../support/slack/slack-bot-server.js";
import { blockActions, envelope, interaction, messageEvent, SIGNING_SECRET, sendSigned, signature } from "../support/slack/slack-requests.js";

// Questions and texts written for these tests.
describe("the Slack endpoint: signatures, acknowledgements and odd requests", () => {
  let runtime: Runtime & { answerLogPath: string };
  let fake: FakeSlackApi;
  let bot: SlackBotServer;
  useSlackBot("slack-protocol-", (setup) => {
    ({ runtime, fake, bot } = setup);
  });

  const count = (sql: string) => Number((bot.store.db.prepare(sql).get() as { n: number }).n);

  it("answers url_verification with the challenge", async () => {
    const res = await sendSigned(
      bot.eventsUrl,
      JSON.stringify({ token: "t", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
  });

  it("rejects a forged signature with 401 and does nothing", async () => {
    fake.reset();
    const before = count("SELECT COUNT(*) AS n FROM deliveries");
    const body = messageEvent({ text: "<@UBOT0001> 個資法第27條", channel: "CGENERAL01" });
    const forged = await sendSigned(bot.eventsUrl, body, { forgedSignature: signature("not-the-secret", Math.floor(Date.now() / 1000), body) });
    expect(forged.status).toBe(401);
    const unsigned = await fetch(bot.eventsUrl, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(unsigned.status).toBe(401);
    // A signature over other bytes (the body was changed in transit).
    const tampered = await sendSigned(bot.eventsUrl, body.replace("27", "28"), {
      forgedSignature: signature(SIGNING_SECRET, Math.floor(Date.now() / 1000), body),
    });
    expect(tampered.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
    expect(count("SELECT COUNT(*) AS n FROM deliveries")).toBe(before);
  });

  it("rejects a request signed more than five minutes ago with 401", async () => {
    fake.reset();
    const body = messageEvent({ text: "<@UBOT0001> 個資法第27條", channel: "CGENERAL01" });
    const stale = await sendSigned(bot.eventsUrl, body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.callsOf("chat.postMessage")).toEqual([]);
  });

  it("answers 400 to malformed JSON and to a signed body of no known type, without waiting", async () => {
    expect((await sendSigned(bot.eventsUrl, '{"type": "event_callback", "event": {')).status).toBe(400);
    expect((await sendSigned(bot.eventsUrl, "payload=%7Bnot-json", { contentType: "application/x-www-form-urlencoded" })).status).toBe(400);
    const started = Date.now();
    expect((await sendSigned(bot.eventsUrl, JSON.stringify({ type: "something_else" }))).status).toBe(400);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("acknowledges a retried event and answers it once (X-Slack-Retry-Num)", async () => {
    fake.reset();
    const body = messageEvent({ text: "<@UBOT0001> 委外處理個資要怎麼監督？", channel: "CRETRY001", eventId: "EvRETRY0001" });
    const first = await sendSigned(bot.eventsUrl, body);
    const retry = await sendSigned(bot.eventsUrl, body, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
    const again = await sendSigned(bot.eventsUrl, body, { headers: { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" } });
    expect([first.status, retry.status, again.status]).toEqual([200, 200, 200]);
    await fake.waitFor((api) => api.callsOf("chat.postMessage").length >= 1);
    await bot.channel.stop?.();
    await fake.settle();
    expect(fake.callsOf("chat.postMessage")).toHaveLength(1);
    expect(count("SELECT COUNT(*) AS n FROM questions WHERE conversation_id LIKE 'CRETRY001:%'")).toBe(1);
  });

  it("answers an empty mention with how to use the bot, in the thread", async () => {
    fake.reset();
    const res = await sendSigned(bot.eventsUrl, messageEvent({ text: "<@UBOT0001>", channel: "CGENERAL01", ts: "1700000100.000100" }));
    expect(res.status).toBe(200);
    await fake.waitFor((api) => api.callsOf("chat.postMessage").length === 1);
    const post = fake.callsOf("chat.postMessage")[0];
    expect(post?.args).toMatchObject({ channel: "CGENERAL01", thread_ts: "1700000100.000100" });
    expect(textOf(post?.args.blocks)).toContain("我可以");
  });

  it("reads only the first 4,000 characters of a 40,000-character message, says so, and stays within Slack's limits", async () => {
    fake.reset();
    const long = `<@UBOT0001> ${"我們把會員資料委託給物流廠商處理，要怎麼監督他們？".repeat(1600)}`.slice(0, 40_000);
    const started = Date.now();
    const res = await sendSigned(bot.eventsUrl, messageEvent({ text: long, channel: "CGENERAL01", ts: "1700000200.000100" }));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    await fake.waitFor((api) => api.callsOf("chat.postMessage").length >= 1, 20_000);
    const post = fake.callsOf("chat.postMessage")[0];
    expect(textOf(post?.args.blocks)).toContain("訊息太長，我只處理了前 4000 個字");
    expect(limitProblems(post?.args ?? {})).toEqual([]);
    expect(String(post?.args.text).length).toBeLessThanOrEqual(3000);
  });

  it("explains privately when a button it did not render is clicked", async () => {
    fake.reset();
    const payload = blockActions({ channel: "CGENERAL01", message: { ts: "1700000300.000100" }, actionId: "someone_elses_button", value: "v1" });
    const res = await sendSigned(bot.eventsUrl, interaction(payload), { contentType: "application/x-www-form-urlencoded" });
    expect(res.status).toBe(200);
    await fake.waitFor((api) => api.callsOf("chat.postEphemeral").length === 1);
    expect(fake.callsOf("chat.postEphemeral")[0]?.args).toMatchObject({ channel: "CGENERAL01", user: "UALICE01" });
    expect(String(fake.callsOf("chat.postEphemeral")[0]?.args.text)).toContain("按鈕已失效");
    // Tampered values of our own buttons are unknown too.
    const tampered = blockActions({
      channel: "CGENERAL01",
      message: { ts: "1700000300.000100" },
      actionId: "ca:answer:yes",
      value: '{"k":"turn","a":{"type":"drop_tables"}}',
    });
    expect((await sendSigned(bot.eventsUrl, interaction(tampered), { contentType: "application/x-www-form-urlencoded" })).status).toBe(200);
    await fake.waitFor((api) => api.callsOf("chat.postEphemeral").length === 2);
  });

  it("acknowledges an event type it does not handle and an unknown modal", async () => {
    const reaction = await sendSigned(
      bot.eventsUrl,
      envelope({ type: "reaction_added", user: "UALICE01", reaction: "thumbsup", item: { type: "message", channel: "C1", ts: "1.1" } }),
    );
    expect(reaction.status).toBe(200);
    const view = {
      type: "view_submission",
      user: { id: "UALICE01" },
      team: { id: "TFAKE0001" },
      view: { id: "VX", callback_id: "other_modal", private_metadata: "", state: { values: {} } },
    };
    expect((await sendSigned(bot.eventsUrl, interaction(view), { contentType: "application/x-www-form-urlencoded" })).status).toBe(200);
    expect(bot.logger.entries.filter((e) => e.level === "error")).toEqual([]);
  });

  it("runs over Socket Mode when SLACK_APP_TOKEN is set: events acknowledged on the socket, answers through the Web API", async () => {
    fake.reset();
    const socket = await startFakeSocketMode();
    fake.socketModeUrl = socket.url;
    const socketBot = await startSlackBot({ runtime, fake, env: { SLACK_APP_TOKEN: "xapp-1-AFAKE-1-secret", SLACK_SIGNING_SECRET: "" } });
    try {
      await socket.connected();
      expect(fake.callsOf("apps.connections.open")[0]?.token).toBe("xapp-1-AFAKE-1-secret");
      const event = JSON.parse(messageEvent({ text: "<@UBOT0001> 個資法第27條", channel: "CSOCKET01", ts: "1700000400.000100" })) as Record<string, unknown>;
      socket.send("events_api", event, "env-1");
      await fake.waitFor((api) => api.callsOf("chat.postMessage").length === 1);
      expect(socket.acks).toContain("env-1");
      expect(fake.callsOf("chat.postMessage")[0]?.args).toMatchObject({ channel: "CSOCKET01", thread_ts: "1700000400.000100" });
      expect(fake.callsOf("chat.postMessage")[0]?.token).toBe("xoxb-test-token");
      // The HTTP endpoint is not served in Socket Mode.
      expect((await sendSigned(socketBot.eventsUrl, messageEvent({ text: "x", channel: "C1" }))).status).toBe(404);
    } finally {
      await socketBot.close();
      await socket.close();
      fake.socketModeUrl = undefined;
    }
  });

  it("does not log what users write", async () => {
    const secret = "我的身分證是A123456789，請問個資法第27條";
    fake.reset();
    await sendSigned(bot.eventsUrl, messageEvent({ text: `<@UBOT0001> ${secret}`, channel: "CGENERAL01" }));
    await fake.waitFor((api) => api.callsOf("chat.postMessage").length >= 1);
    const logged = JSON.stringify(bot.logger.entries);
    expect(logged).not.toContain("A123456789");
    expect(logged).not.toContain("我的身分證");
    expect(logged).toContain("turn delivered");
  });
});

describe("starting the Slack channel", () => {
  const base = { REGULATIONS_DIR: corpusDir(), LOG_LEVEL: "silent" as const };
  const engine = scriptedEngine();

  it("is off, and says so, when no Slack variable is set", () => {
    const logger = recordingLogger();
    expect(createSlackChannel({ config: loadConfig(base), engine, logger })).toBeUndefined();
    expect(logger.entries.map((e) => e.message).join(" ")).toContain("Slack is off");
  });

  it("lists what is missing when Slack is half configured", () => {
    try {
      createSlackChannel({ config: loadConfig({ ...base, SLACK_BOT_TOKEN: "xoxb-1" }), engine, logger: recordingLogger() });
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, "CONFIG_INVALID")).toBe(true);
      expect((error as Error).message).toContain("SLACK_SIGNING_SECRET");
    }
  });

  it("starts without Slack reachable (HTTP and Socket Mode), logs the outage and keeps serving", async () => {
    const closedPort = "http://127.0.0.1:9/api/";
    for (const extra of [{ SLACK_SIGNING_SECRET: SIGNING_SECRET }, { SLACK_APP_TOKEN: "xapp-1-A1-1-abc" }]) {
      const logger = recordingLogger();
      const config = loadConfig({ ...base, SLACK_BOT_TOKEN: "xoxb-1", SLACK_API_URL: closedPort, ...extra });
      const channel = createSlackChannel({ config, engine, logger, webClient: { retryConfig: { retries: 0 }, timeoutMs: 1000 } });
      expect(channel).toBeDefined();
      await channel?.start?.();
      await new Promise((r) => setTimeout(r, 500));
      const warnings = logger.entries.filter((e) => e.level === "warn").map((e) => e.message);
      expect(warnings.some((m) => /auth\.test failed|could not connect/.test(m))).toBe(true);
      await channel?.stop?.();
    }
  });
});
