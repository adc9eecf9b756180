import { describe, expect, it } from "vitest";
import { diffRegulation, type RegulationState } from "../../../../ingest/versions/diff-regulations.js";

const state = (over: Partial<Omit<RegulationState, "articles">> & { articles?: Record<string, string> } = {}): RegulationState => ({
  pcode: "X0000001",
  name: "測試辦法",
  status: "in_force",
  modified: "2023-01-01",
  ...over,
  articles: new Map(Object.entries(over.articles ?? { "1": "甲", "2": "乙", "3": "丙" })),
});

describe("diffRegulation", () => {
  it("says added, removed, repealed, renamed and amended, with the articles", () => {
    expect(diffRegulation(undefined, state())?.kinds).toEqual(["added"]);
    expect(diffRegulation(state(), undefined)?.kinds).toEqual(["removed"]);
    expect(diffRegulation(state(), state({ status: "repealed" }))?.kinds).toEqual(["repealed"]);
    const change = diffRegulation(state(), state({ name: "新名稱", articles: { "1": "甲", "2": "乙改", "3": "（刪除）", "3-1": "新增" } }));
    expect(change).toMatchObject({
      kinds: ["renamed", "amended"],
      previousName: "測試辦法",
      articles: { added: ["X0000001:3-1"], changed: ["X0000001:2"], deleted: ["X0000001:3"] },
    });
    expect(diffRegulation(state(), state({ articles: { "1": "甲", "2": "乙" } }))?.articles.deleted).toEqual(["X0000001:3"]);
  });

  it("reports nothing when only dates or categories moved", () => {
    expect(diffRegulation(state(), state({ modified: "2024-01-01" }))).toBeUndefined();
  });
});
