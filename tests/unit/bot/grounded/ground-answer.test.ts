import { FakeListChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { createLangChainChatModel } from "../../../../adapters/llm/index.js";
import { groundAnswer } from "../../../../bot/answer/grounded/ground-answer.js";
import { groundedLeadText } from "../../../../bot/answer/grounded/lead-text.js";
import type { Answer } from "../../../../bot/index.js";
import { REPORT_CITATIONS } from "../../../support/llm/citations.js";

const offline: Answer = {
  lang: "zh",
  question: "被駭了要多久內通報？",
  abstained: false,
  lead: "依《數位經濟相關產業個人資料檔案安全維護管理辦法》第8條第2項：……",
  citations: REPORT_CITATIONS,
  cases: [],
  warnings: [],
  suggestions: [],
  text: "offline text",
};

function fake(responses: string[], sleep?: number) {
  return createLangChainChatModel(new FakeListChatModel({ responses, ...(sleep ? { sleep } : {}) }), { provider: "fake", model: "list" });
}

const ask = (responses: string[], options: { sleep?: number; timeoutMs?: number } = {}) =>
  groundAnswer(offline, offline.question, { model: fake(responses, options.sleep), timeoutMs: options.timeoutMs ?? 2000 });

const draft = (...sentences: Array<[string, number[]]>) => JSON.stringify({ sentences: sentences.map(([text, clauses]) => ({ text, clauses })) });

describe("groundAnswer with LangChain's FakeListChatModel", () => {
  it("leads with the verified sentences and their labels, marked as generated, what they rest on cited first", async () => {
    const answer = await ask([draft(["要在知悉事故後七十二小時內通報數位發展部。", [1]])]);
    expect(answer.generation).toMatchObject({ mode: "model", provider: "fake", model: "list", shownClauseIds: ["K0010162:8:2", "K0010162:8:3"], dropped: [] });
    expect(answer.lead).toBe("要在知悉事故後七十二小時內通報數位發展部（《數位經濟相關產業個人資料檔案安全維護管理辦法》第8條第2項）。");
    expect(answer.citations.map((c) => c.id)).toEqual(["K0010162:8:2", "K0010162:8:3"]);
    expect(answer.text.startsWith("由模型整理，以引用條文為準")).toBe(true);
    expect(answer.text).toContain(REPORT_CITATIONS[0]?.quote);
  });

  it("drops the sentence with a wrong deadline and keeps the rest", async () => {
    const answer = await ask([draft(["要在二十四小時內通報。", [1]], ["來不及的，應檢附延遲理由或分階段提供。", [2]])]);
    expect(answer.generation?.mode).toBe("model");
    expect(answer.generation?.dropped).toMatchObject([{ text: "要在二十四小時內通報。", reason: "unsupported_fact" }]);
    expect(answer.lead).not.toContain("二十四");
    expect(answer.citations.map((c) => c.id)).toEqual(["K0010162:8:3", "K0010162:8:2"]);
  });

  it("gives the offline answer when nothing verified remains, and says why", async () => {
    const answer = await ask([draft(["要在二十四小時內通報。", [1]], ["以下是規定。", []])]);
    expect(answer.lead).toBe(offline.lead);
    expect(answer.text).toBe(offline.text);
    expect(answer.generation).toMatchObject({ mode: "offline", fallbackReason: "nothing_verified" });
    expect(answer.generation?.dropped).toHaveLength(1);
  });

  it("falls back on an empty answer (refused), unreadable output and a timeout", async () => {
    expect((await ask([draft()])).generation).toMatchObject({ mode: "offline", fallbackReason: "refused" });
    expect((await ask(["{ not json"])).generation).toMatchObject({ mode: "offline", fallbackReason: "malformed_output" });
    expect((await ask([JSON.stringify({ sentences: [{ text: 1 }] })])).generation).toMatchObject({ fallbackReason: "malformed_output" });
    const slow = await ask([draft(["要在七十二小時內通報。", [1]])], { sleep: 400, timeoutMs: 50 });
    expect(slow.generation).toMatchObject({ mode: "offline", fallbackReason: "timeout" });
    expect(slow.lead).toBe(offline.lead);
  });

  it("tells the channel when the model starts, and not for an abstained answer (the model is not called)", async () => {
    const starts: string[] = [];
    const model = fake([draft(["要在七十二小時內通報。", [1]])]);
    await groundAnswer(offline, offline.question, { model, timeoutMs: 1000 }, () => {
      starts.push("answer");
    });
    const abstained: Answer = { ...offline, abstained: true, citations: [] };
    const answer = await groundAnswer(abstained, "?", { model, timeoutMs: 1000 }, () => {
      starts.push("abstained");
    });
    expect(answer.generation).toMatchObject({ mode: "offline", fallbackReason: "abstained", shownClauseIds: [] });
    expect(starts).toEqual(["answer"]);
  });

  it("a failing working-state hook does not cost the answer", async () => {
    const answer = await groundAnswer(offline, offline.question, { model: fake([draft(["要在七十二小時內通報。", [1]])]), timeoutMs: 1000 }, () => {
      throw new Error("slack down");
    });
    expect(answer.generation?.mode).toBe("model");
  });
});

describe("groundedLeadText", () => {
  it("puts the labels before the closing punctuation, but leaves an item marker's dot alone", () => {
    const kept = [
      { text: "應通報本部。", clauseIds: ["K0010162:8:2"] },
      { text: "It must tell the data subject: 1.", clauseIds: ["K0010162:8:3"] },
    ];
    expect(groundedLeadText(kept, REPORT_CITATIONS, "zh").split("\n")).toEqual([
      "應通報本部（《數位經濟相關產業個人資料檔案安全維護管理辦法》第8條第2項）。",
      "It must tell the data subject: 1.（《數位經濟相關產業個人資料檔案安全維護管理辦法》第8條第3項）。",
    ]);
  });
});
