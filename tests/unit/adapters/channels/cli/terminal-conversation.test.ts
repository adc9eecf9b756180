import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runTerminalConversation } from "../../../../../adapters/channels/cli/terminal-conversation.js";
import { scriptedEngine } from "../../../../support/fakes/index.js";
import { recordingLogger } from "../../../../support/recording-logger.js";

describe("the terminal conversation", () => {
  it("prints a short message with the request id when a turn outlasts TURN_TIMEOUT_MS, and goes on", async () => {
    let calls = 0;
    const engine = scriptedEngine(async () => {
      calls++;
      if (calls === 1) await new Promise((r) => setTimeout(r, 400));
      return { lang: "zh", parts: [{ kind: "notice", text: `回覆 ${calls}`, tone: "info" }] };
    });
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk: Buffer) => {
      printed += chunk.toString("utf8");
    });
    input.end("第一題\n第二題\n");
    await runTerminalConversation({ engine, logger: recordingLogger(), userId: "tester", reportDir: "/nonexistent", timeoutMs: 50, input, output });
    expect(printed).toMatch(/處理太久.*cli-[0-9a-f]{8}/);
    expect(printed).toContain("回覆 2");
    expect(printed).not.toContain("回覆 1");
  });
});
