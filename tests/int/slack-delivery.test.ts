import { describe, expect, it } from "vitest";
import type { Engine } from "../../bot/index.js";
import { startFakeSlackApi } from "../support/slack/fake-slack-api.js";
import { startSlackBot, useSlackBot } from "../support/slack/slack-bot-server.js";
import { blockActions, envelope, interaction, messageEvent, sendSigned } from "../support/slack/slack-requests.js";

// Questions and texts written for these tests.
describe("Slack: bad structure, turn timeouts, delivery exactly once", () => {
  // Retries here come within milliseconds: re-send an undelivered reply at once.
  const s = useSlackBot("slack-delivery-", undefined, { REDELIVER_AFTER_MS: "0" });

  const form = { contentType: "application/x-www-form-urlencoded" as const };

  it("acknowledges signed requests of a known type but broken structure with 200, logs them, and runs nothing", async () => {
    s.fake.reset();
    const valid = blockActions({ channel: "CGENERAL01", message: { ts: "1.0" }, actionId: "ca:x", value: "{}" });
    const bodies: Array<[string, typeof form | undefined]> = [
      [JSON.stringify({ ...JSON.parse(envelope({ type: "app_mention" })), event: null }), undefined],
      [JSON.stringify({ ...JSON.parse(envelope({ type: "app_mention" })), event: "app_mention" }), undefined],
      [interaction({ ...valid, actions: "ca:x" }), form],
      [interaction({ ...valid, user: null }), form],
      [interaction({ type: "view_submission", user: { id: "UALICE01" }, view: null }), form],
    ];
    for (const [body, options] of bodies) {
      const res = await sendSigned(s.bot.eventsUrl, body, options);
      expect(res.status).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 200));
    const warned = s.bot.logger.entries.filter((e) => e.message === "signed slack request of invalid structure acknowledged and ignored");
    expect(warned).toHaveLength(bodies.length);
    expect(s.bot.logger.entries.filter((e) => e.level === "error")).toEqual([]);
    expect(s.fake.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
  });

  it("re-sends a recorded reply whose delivery failed when Slack retries the event, and only once", async () => {
    s.fake.reset();
    const body = messageEvent({ text: "<@UBOT0001> 個資外洩要通知誰？", channel: "CDELIVER1", eventId: "EvDELIVER01" });
    // The answer and the failure notice both fail: the user saw nothing.
    s.fake.failNext("chat.postMessage", { error: "fatal_error" }, 2);
    expect((await sendSigned(s.bot.eventsUrl, body)).status).toBe(200);
    await s.fake.waitFor((api) => api.callsOf("chat.postMessage").length === 2);
    await s.fake.settle();
    const recorded = () =>
      Number((s.bot.store.db.prepare("SELECT COUNT(*) AS n FROM questions WHERE conversation_id LIKE 'CDELIVER1:%'").get() as { n: number }).n);
    expect(recorded()).toBe(1);
    const mark = () =>
      s.bot.store.db.prepare("SELECT delivered_at FROM deliveries WHERE message_id LIKE 'msg:%' ORDER BY at DESC LIMIT 1").get() as {
        delivered_at: string | null;
      };
    expect(mark().delivered_at).toBeNull();

    const retry = await sendSigned(s.bot.eventsUrl, body, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_error" } });
    expect(retry.status).toBe(200);
    await s.fake.waitFor((api) => api.callsOf("chat.postMessage").length === 3);
    const resent = s.fake.callsOf("chat.postMessage")[2];
    expect(resent?.args).toMatchObject({ channel: "CDELIVER1" });
    expect(String(resent?.args.text)).not.toMatch(/sl-[0-9a-f]{8}/);
    for (let i = 0; i < 50 && mark().delivered_at === null; i++) await new Promise((r) => setTimeout(r, 20));
    expect(mark().delivered_at).not.toBeNull();

    await sendSigned(s.bot.eventsUrl, body, { headers: { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" } });
    await new Promise((r) => setTimeout(r, 300));
    await s.fake.settle();
    expect(s.fake.callsOf("chat.postMessage")).toHaveLength(3);
    expect(recorded()).toBe(1);
  });

  it("tells the user, with the request id, when a turn takes longer than TURN_TIMEOUT_MS", async () => {
    const slowFake = await startFakeSlackApi();
    const slow = (engine: Engine): Engine => ({
      ...engine,
      handle: async (turn) => {
        await new Promise((r) => setTimeout(r, 1_500));
        return engine.handle(turn);
      },
    });
    const slowBot = await startSlackBot({ runtime: s.runtime, fake: slowFake, env: { TURN_TIMEOUT_MS: "200" }, wrapEngine: slow });
    try {
      const started = Date.now();
      await sendSigned(slowBot.eventsUrl, messageEvent({ text: "<@UBOT0001> 個資法第27條", channel: "CSLOW0001" }));
      await slowFake.waitFor((api) => api.callsOf("chat.postMessage").length === 1);
      expect(Date.now() - started).toBeLessThan(1_400);
      const text = String(slowFake.callsOf("chat.postMessage")[0]?.args.text);
      const requestId = /sl-[0-9a-f]{8}/.exec(text)?.[0];
      expect(text).toContain("處理太久");
      expect(slowBot.logger.entries.find((e) => e.message === "engine turn timed out")?.fields.requestId).toBe(requestId);
    } finally {
      await slowBot.close();
      await slowFake.close();
    }
  });
});
