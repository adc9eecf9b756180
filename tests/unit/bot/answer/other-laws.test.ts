import { describe, expect, it } from "vitest";
import { composeAnswer } from "../../../../bot/index.js";
import { clause, createFakeKnowledge } from "../../../support/fakes/index.js";

describe("a name that also means another regulation", () => {
  const knowledge = createFakeKnowledge({
    clauses: [
      clause("Y0000002:3", "本條例用詞，定義如下：…", { lawZh: "電子支付機構管理條例" }),
      clause("Y0000001:3", "舊條文。", { lawZh: "電子支付機構管理條例", status: "repealed" }),
    ],
  });
  const result = {
    hits: [{ articleId: "Y0000002:3", score: 1000, focus: [], source: "reference" as const }],
    abstained: false,
    mentionedLaws: ["Y0000002"],
    otherLaws: ["Y0000001"],
    cases: [],
  };

  it("quotes the regulation in force and names the repealed namesake beside it", () => {
    const answer = composeAnswer("電子支付機構管理條例第3條", "zh", result, knowledge);
    expect(answer.citations.map((c) => c.articleId)).toEqual(["Y0000002:3"]);
    expect(answer.warnings[0]).toBe("您寫的名稱也可能指《電子支付機構管理條例》（已廢止）；以上依現行有效的法規回答。");
    expect(answer.text).toContain("也可能指《電子支付機構管理條例》（已廢止）");
  });
});
