import { describe, expect, it } from "vitest";
import { verifyDraft } from "../../../../bot/answer/grounded/verify-draft.js";
import { DELAY_CLAUSE, REPORT_CLAUSE } from "../../../support/llm/citations.js";

const clauses = [
  { n: 1, id: "K0010162:8:2", label: "《數位經濟相關產業個人資料檔案安全維護管理辦法》第8條第2項", text: REPORT_CLAUSE, authority: "數位發展部" },
  { n: 2, id: "K0010162:8:3", label: "《數位經濟相關產業個人資料檔案安全維護管理辦法》第8條第3項", text: DELAY_CLAUSE, authority: "數位發展部" },
];

describe("verifyDraft", () => {
  it("keeps sentences whose facts are in their cited clauses, numerals and authorities normalised", () => {
    const { kept, dropped } = verifyDraft(
      [
        { text: "要在知悉事故後72小時內通報數位發展部。", clauses: [1] },
        { text: "來不及在時限內通報的，應檢附延遲理由或分階段提供。", clauses: [2] },
        { text: "依第8條第2項，應通報本部。", clauses: [1] },
      ],
      clauses,
    );
    expect(dropped).toEqual([]);
    expect(kept.map((s) => s.clauseIds)).toEqual([["K0010162:8:2"], ["K0010162:8:3"], ["K0010162:8:2"]]);
  });

  it("drops a wrong deadline, a fact cited to the wrong clause, and a number outside the given clauses", () => {
    const { kept, dropped } = verifyDraft(
      [
        { text: "要在知悉事故後二十四小時內通報數位發展部。", clauses: [1] },
        { text: "要在七十二小時內通報。", clauses: [2] },
        { text: "要在七十二小時內通報。", clauses: [3] },
      ],
      clauses,
    );
    expect(kept).toEqual([]);
    expect(dropped.map((d) => d.reason)).toEqual(["unsupported_fact", "unsupported_fact", "unknown_clause"]);
    expect(dropped[0]?.facts?.join()).toContain("二十四小時");
  });

  it("keeps an uncited sentence only when it states no rule", () => {
    const { kept, dropped } = verifyDraft(
      [
        { text: "以下整理相關規定。", clauses: [] },
        { text: "業者應通報主管機關。", clauses: [] },
        { text: "You must notify within 3 days.", clauses: [] },
        { text: "   ", clauses: [1] },
      ],
      clauses,
    );
    expect(kept).toEqual([{ text: "以下整理相關規定。", clauseIds: [] }]);
    expect(dropped.map((d) => d.reason)).toEqual(["uncited_rule", "uncited_rule", "empty"]);
  });
});

describe("verifyDraft limits", () => {
  it("drops sentences beyond the most a lead may have", () => {
    const many = Array.from({ length: 10 }, () => ({ text: "應檢附延遲理由或分階段提供。", clauses: [2] }));
    const { kept, dropped } = verifyDraft(many, [{ n: 2, id: "K0010162:8:3", label: "第8條第3項", text: DELAY_CLAUSE }]);
    expect(kept).toHaveLength(8);
    expect(dropped.map((d) => d.reason)).toEqual(["too_many", "too_many"]);
  });
});
