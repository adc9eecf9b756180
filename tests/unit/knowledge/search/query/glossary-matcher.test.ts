import { describe, expect, it } from "vitest";
import { GlossarySchema } from "../../../../../knowledge/content/schema.js";
import { createGlossaryMatcher } from "../../../../../knowledge/search/query/glossary-matcher.js";

const glossary = GlossarySchema.parse({
  terms: [{ id: "right-of-access", zh: ["答覆查詢"], colloquial: ["存了哪些資料", "看我的資料"], en: ["access request"] }],
});
const matcher = createGlossaryMatcher(glossary.terms);
const ids = (text: string) => matcher.match(text).map((m) => m.term.id);

describe("glossary matching", () => {
  it("matches an everyday phrase also when the question puts a pronoun inside it", () => {
    expect(ids("會員想知道我們存了他哪些資料")).toEqual(["right-of-access"]);
    expect(ids("客人說要看我的資料")).toEqual(["right-of-access"]);
    expect(ids("我們存了商品資料")).toEqual([]);
  });
});
