import { describe, expect, it } from "vitest";
import { createTurnRunner } from "../../../../../adapters/channels/shared/run-turn.js";
import type { Engine, Reply, Turn } from "../../../../../bot/index.js";
import { scriptedEngine } from "../../../../support/fakes/index.js";
import { recordingLogger } from "../../../../support/recording-logger.js";

const turn: Turn = { channel: "cli", userId: "u1", conversationId: "c1", messageId: "m1", text: "個資法第27條" };
const answer: Reply = { lang: "zh", parts: [{ kind: "notice", text: "hi", tone: "info" }] };

/** An engine that answers `reply` after `delayMs` (or throws `error`) and records delivered marks. */
function engineOf(options: { reply?: Reply; delayMs?: number; error?: Error }) {
  return scriptedEngine(async () => {
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    if (options.error) throw options.error;
    return options.reply ?? answer;
  });
}

function run(engine: Engine, deliver: (reply: Reply) => Promise<void> = async () => {}, timeoutMs = 1_000) {
  const log = recordingLogger();
  const told: string[] = [];
  const delivered: Reply[] = [];
  const result = createTurnRunner({ engine, timeoutMs, redeliverAfterMs: 10_000 })(
    { turn, requestId: "cli-0000abcd", lang: "zh", log },
    {
      deliver: async (reply) => {
        await deliver(reply);
        delivered.push(reply);
      },
      tellFailure: async (text) => {
        told.push(text);
      },
    },
  );
  return { result, log, told, delivered };
}

describe("the shared turn runner", () => {
  it("delivers, then marks the turn delivered", async () => {
    const engine = engineOf({});
    const { result, delivered, told } = run(engine);
    expect((await result).status).toBe("delivered");
    expect(delivered).toHaveLength(1);
    expect(engine.marked).toEqual(["m1"]);
    expect(told).toEqual([]);
  });

  it("sends nothing for a retry whose reply was delivered, and re-sends one whose delivery failed", async () => {
    const done = run(engineOf({ reply: { ...answer, duplicate: true, delivered: true } }));
    expect((await done.result).status).toBe("already-delivered");
    expect(done.delivered).toEqual([]);
    const engine = engineOf({ reply: { ...answer, duplicate: true, delivered: false } });
    const again = run(engine);
    expect((await again.result).status).toBe("delivered");
    expect(again.delivered).toHaveLength(1);
    expect(engine.marked).toEqual(["m1"]);
  });

  it("sends nothing for an undelivered retry younger than REDELIVER_AFTER_MS (another replica may be posting it)", async () => {
    const young = run(engineOf({ reply: { ...answer, duplicate: true, delivered: false, recordedAt: new Date().toISOString() } }));
    expect((await young.result).status).toBe("already-delivered");
    expect(young.delivered).toEqual([]);
    const old = run(engineOf({ reply: { ...answer, duplicate: true, delivered: false, recordedAt: new Date(Date.now() - 60_000).toISOString() } }));
    expect((await old.result).status).toBe("delivered");
  });

  it("does not mark a failed delivery, and tells the user with the request id", async () => {
    const engine = engineOf({});
    const { result, told, log } = run(engine, async () => {
      throw new Error("connector refused");
    });
    expect(await result).toMatchObject({ status: "failed", stage: "delivery" });
    expect(engine.marked).toEqual([]);
    expect(told).toEqual([expect.stringContaining("cli-0000abcd")]);
    expect(log.entries.find((e) => e.level === "error")?.message).toBe("delivery failed");
  });

  it("gives up on the engine after the timeout with a short message, and logs it", async () => {
    const started = Date.now();
    const { result, told, log, delivered } = run(engineOf({ delayMs: 500 }), undefined, 50);
    expect(await result).toMatchObject({ status: "failed", stage: "timeout" });
    expect(Date.now() - started).toBeLessThan(400);
    expect(told).toEqual([expect.stringMatching(/處理太久.*cli-0000abcd/)]);
    expect(delivered).toEqual([]);
    expect(log.entries.find((e) => e.message === "engine turn timed out")?.fields.timeoutMs).toBe(50);
  });

  it("tells the user, never the stack, when the engine fails", async () => {
    const { result, told, log } = run(engineOf({ error: new Error("disk I/O error") }));
    expect(await result).toMatchObject({ status: "failed", stage: "engine" });
    expect(told[0]).not.toContain("disk I/O");
    expect(log.entries.find((e) => e.message === "engine failed")?.fields.err).toBe("disk I/O error");
  });
});
