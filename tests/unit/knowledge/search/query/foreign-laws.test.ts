import { describe, expect, it } from "vitest";
import { findForeignLaws } from "../../../../../knowledge/search/query/foreign-laws.js";

const names = (text: string, known: Array<{ start: number; end: number }> = []) => findForeignLaws(text, known).map((f) => f.name);

describe("foreign laws named in a question", () => {
  it("finds well-known acronyms, article references to unknown acronyms and laws named after a country", () => {
    expect(names("Under the CCPA, do we need an opt-out link?")).toEqual(["CCPA"]);
    expect(names("What does LGPD Article 18 require?")).toEqual(["LGPD"]);
    expect(names("我們在德國開店，德國包裝法要怎麼註冊？")).toEqual(["德國包裝法"]);
    expect(names("歐盟的人工智慧法對我們有影響嗎？")).toEqual(["歐盟的人工智慧法"]);
  });

  it("does not read our own law, or a country named in passing, as a foreign law", () => {
    const text = "美國的客人資料也適用個資法嗎？";
    const ours = { start: text.indexOf("個資法"), end: text.indexOf("個資法") + 3 };
    expect(names(text, [ours])).toEqual([]);
    expect(names("日本商品在台灣賣要依什麼法？")).toEqual([]);
    expect(names("我們從日本批正品回來賣，代理商說我們侵權")).toEqual([]);
  });
});
