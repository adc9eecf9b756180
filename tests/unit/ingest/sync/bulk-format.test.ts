import { describe, expect, it } from "vitest";
import { parseMojFile } from "../../../../ingest/index.js";
import { asBulkCollection, collectionLang, toSplitFile } from "../../../../ingest/sync/bulk-format.js";

const LAW = {
  LawLevel: "法律",
  LawName: "個人資料保護法",
  LawURL: "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=I0050021",
  LawCategory: "行政＞法務部＞法律事務目",
  LawModifiedDate: 20230531,
  LawEffectiveDate: "99991231",
  LawEffectiveNote: "一百十二年五月三十一日增訂之第 1-1 條條文，施行日期，由行政院定之。",
  LawAbandonNote: "",
  LawHasEngVersion: "Y",
  EngLawName: "Personal Data Protection Act",
  LawAttachements: [],
  LawHistories: "",
  LawForeword: "",
  LawArticles: [
    { ArticleType: "C", ArticleNo: "", ArticleContent: "第 一 章 總則" },
    { ArticleType: "A", ArticleNo: "第 1-1 條", ArticleContent: "第一項\r\n第二項" },
  ],
};

describe("the official bulk format", () => {
  it("reads UpdateDate in the forms the service writes it", () => {
    expect(asBulkCollection({ UpdateDate: "2024/10/11 上午 12:00:00", Laws: [] })?.updateDate).toBe("20241011");
    expect(asBulkCollection({ UpdateDate: 20241011, Laws: [] })?.updateDate).toBe("20241011");
    expect(asBulkCollection({ Laws: "no" })).toBeUndefined();
  });

  it("maps a law onto the split format, which ingest parses with its effective-date fields", () => {
    const split = toSplitFile(LAW, "zh");
    if ("problem" in split) throw new Error(split.problem);
    expect(split.rel).toBe("zh/I0050021.json");
    const parsed = parseMojFile(split.rel, JSON.stringify(split.json), "2026-12-01");
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value.regulation).toMatchObject({ pcode: "I0050021", asOf: "2023-05-31", notInForceArticles: ["1-1"], category: LAW.LawCategory });
    const article = parsed.value.clauses.find((c) => c.id === "I0050021:1-1");
    expect(article).toMatchObject({ status: "not_yet_in_force", chapter: "第 一 章 總則", text: "第一項\n第二項" });
  });

  it("reports a law without a pcode instead of inventing one, and tells Chinese from English collections", () => {
    expect(toSplitFile({ ...LAW, LawURL: "" }, "zh")).toEqual({ problem: expect.stringContaining("個人資料保護法") });
    expect(collectionLang("EngLaw.json", { laws: [] })).toBe("en");
    expect(collectionLang("EnOrder.json", { laws: [] })).toBe("en");
    expect(collectionLang("dl/EnLaw.json", { laws: [] })).toBe("en");
    expect(collectionLang("ChOrder.json", { laws: [] })).toBe("zh");
    expect(collectionLang("download.json", { laws: [{ ...LAW, LawArticles: [{ ArticleType: "A", ArticleNo: "Article 1", ArticleContent: "x" }] }] })).toBe(
      "en",
    );
  });
});
