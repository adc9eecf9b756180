import { describe, expect, it } from "vitest";
import type { Answer, Citation } from "../../../bot/index.js";
import { hasFact, type ItemResult, leadUnsupported, summarize } from "../../../scripts/eval-set.js";

const clause = "通訊交易或訪問交易之消費者，得於收受商品或接受服務後七日內，以退回商品或書面通知方式解除契約。";

function answer(lead: string): Answer {
  const citation = { id: "J0170001:19:1", articleId: "J0170001:19", articleText: clause, quote: clause } as Citation;
  return {
    lang: "zh",
    question: "q",
    abstained: false,
    lead,
    citations: [citation],
    cases: [],
    warnings: [],
    suggestions: [],
    text: `${lead}\n\n引用條文：\n${clause}`,
  };
}

function result(lead: string, facts: string[]): ItemResult {
  return { item: { id: "t", type: "numeric", question: "q", gold: ["J0170001:19"], facts }, answer: answer(lead), ms: 1, rank: 1 };
}

describe("lead metrics", () => {
  it("reads a fact's | alternatives", () => {
    expect(hasFact("七日內可解除", "7日|七日")).toBe(true);
    expect(hasFact("七天", "7日|七日")).toBe(false);
  });

  it("flags a lead whose number no cited clause holds, and counts facts found in the lead only", () => {
    expect(leadUnsupported(answer("收到商品後七日內可以解除契約（《消費者保護法》第19條第1項）。"))).toEqual([]);
    expect(leadUnsupported(answer("收到商品後十日內可以解除契約。"))).toEqual(["十日"]);
    const summary = summarize("hybrid", [
      result("七日內可解除（《消費者保護法》第19條）。", ["7日|七日"]),
      result("請見下列條文。", ["七日"]),
      result("十日內", []),
    ]);
    expect(summary.lead_fact_hit).toBe(0.5);
    expect(summary.fact_hit).toBe(1);
    expect(summary.lead_unsupported).toBe(1);
    expect(summary.by_type.numeric?.lead_fact_hit).toBe(0.5);
  });
});
