import { describe, expect, it } from "vitest";
import { directLead } from "../../../bot/answer/direct-lead.js";
import { type Citation, unsupportedFacts } from "../../../bot/index.js";
import { questionNeeds } from "../../../knowledge/index.js";

// Clause texts verbatim from the official files (PDPA Art. 13, K0010162 Art. 8(2), CPA Art. 19(1)).
const ART13 = [
  "公務機關或非公務機關受理當事人依第十條規定之請求，應於十五日內，為准駁之決定；必要時，得予延長，延長之期間不得逾十五日，並應將其原因以書面通知請求人。",
  "公務機關或非公務機關受理當事人依第十一條規定之請求，應於三十日內，為准駁之決定；必要時，得予延長，延長之期間不得逾三十日，並應將其原因以書面通知請求人。",
].join("\n");
const ARTICLES: Record<string, string> = {
  "10": "公務機關或非公務機關應依當事人之請求，就其蒐集之個人資料，答覆查詢、提供閱覽或製給複製本。",
  "11": "公務機關或非公務機關應維護個人資料之正確，並應主動或依當事人之請求更正或補充之。",
};
const K8_2 =
  "業者遇有個人資料安全事故，將危及其正常營運或大量當事人權益者，應於知悉事故後七十二小時內依附表二格式通報本部，或通報直轄市、縣（市）政府時副知本部。";
const CPA19 = "通訊交易或訪問交易之消費者，得於收受商品或接受服務後七日內，以退回商品或書面通知方式解除契約，無須說明理由及負擔任何費用或對價。";

function citation(id: string, law: string, articleText: string, extra: Partial<Citation> = {}): Citation {
  const [pcode = "", article = ""] = id.split(":");
  return {
    id,
    articleId: `${pcode}:${article}`,
    pcode,
    law,
    lawZh: law,
    article,
    path: [],
    label: `《${law}》第${article}條`,
    quote: articleText,
    articleText,
    textLang: "zh",
    url: "https://law.moj.gov.tw/LawClass/LawSingle.aspx",
    lawUrl: "https://law.moj.gov.tw/LawClass/LawAll.aspx",
    status: "in_force",
    asOf: "2023-05-31",
    score: 1,
    source: "search",
    ...extra,
  };
}

const lead = (question: string, citations: Citation[], lang: "zh" | "en" = "zh") =>
  directLead({ question, lang, citations, needs: questionNeeds(question), articleText: (_p, a) => ARTICLES[a] });

describe("directLead", () => {
  const art13 = citation("I0050021:13", "個人資料保護法", ART13);

  it("answers an access request with the access paragraph's deadline, labelled with its paragraph", () => {
    const result = lead("顧客要求查閱他的資料，我們要在幾天內決定？", [art13]);
    expect(result?.lines[0]).toContain("應於十五日內，為准駁之決定");
    expect(result?.lines[0]).toContain("（《個人資料保護法》第13條第1項）");
    expect(result?.lines.join("\n")).not.toContain("三十日");
    expect(result?.used).toEqual([{ articleId: "I0050021:13", paragraph: 1 }]);
  });

  it("answers a correction request with the other paragraph", () => {
    const result = lead("顧客要求更正資料，要在多久內回覆？", [art13]);
    expect(result?.lines[0]).toContain("三十日內");
    expect(result?.lines[0]).toContain("第13條第2項");
  });

  it("names 本部 as the ministry that issued the regulation and says the 附表 is not in the text", () => {
    const k8 = citation("K0010162:8", "數位經濟相關產業個人資料檔案安全維護管理辦法", K8_2, { authority: "數位發展部" });
    const result = lead("發生個資事故要多久內通報？", [k8]);
    expect(result?.lines[0]).toContain("七十二小時內依附表二格式通報數位發展部");
    expect(result?.lines.at(-1)).toContain("附表");
    expect(unsupportedFacts(result?.lines.join("\n") ?? "", [{ text: K8_2, authority: "數位發展部" }])).toEqual([]);
  });

  it("gives an English reader the Chinese clause and its figures in English", () => {
    const k8 = citation("K0010162:8", "數位經濟相關產業個人資料檔案安全維護管理辦法", K8_2, { authority: "數位發展部" });
    const result = lead("How long do we have to report a breach?", [k8], "en");
    expect(result?.lines[0]).toContain("72 hours");
    expect(result?.lines[0]).toContain("Ministry of Digital Affairs (數位發展部)");
  });

  it("says first when no clause sets the deadline asked for", () => {
    const art10 = citation("I0050021:10", "個人資料保護法", ARTICLES["10"] ?? "");
    expect(lead("顧客要求查閱資料，多久要回覆？", [art10])?.lines[0]).toBe("下列條文沒有就此規定具體期限；最相關的規定是：");
  });

  it("lists the duties of a what-must-we-do question, one line per article", () => {
    const k8 = citation("K0010162:8", "數位經濟相關產業個人資料檔案安全維護管理辦法", K8_2, { authority: "數位發展部" });
    const cpa = citation("J0170001:19", "消費者保護法", CPA19);
    const result = lead("我們被駭了，現在要做什麼？", [k8, art13, cpa]);
    expect(result?.lines[0]).toBe("依引用條文，應辦理的事項：");
    expect(result?.lines.slice(1).every((l) => /^\d\. .+（《.+》第\d+條.*）。$/.test(l))).toBe(true);
    expect(result?.lines).toHaveLength(4);
  });

  it("leaves a bare reference to its quote, and a repealed clause alone to the warning", () => {
    expect(lead("個資法第13條", [{ ...art13, source: "reference" }])).toBeUndefined();
    expect(lead("幾天內要決定？", [{ ...art13, status: "repealed" }])).toBeUndefined();
  });
});
