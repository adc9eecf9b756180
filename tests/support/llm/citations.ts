import type { Citation } from "../../../bot/index.js";

/** K0010162 Art. 8 para. 2 and Art. 8 para. 3, verbatim (2023 text), as the answer cites them. */
export const REPORT_CLAUSE =
  "業者遇有個人資料安全事故，將危及其正常營運或大量當事人權益者，應於知悉事故後七十二小時內依附表二格式通報本部，或通報直轄市、縣（市）政府時副知本部。";
export const DELAY_CLAUSE = "無法於時限內通報或無法於當次提供前項所述事項之全部資訊者，應檢附延遲理由或分階段提供。";

/** A citation as compose-answer builds it, for tests that need answers without an index. */
export function citation(id: string, quote: string, label: string): Citation {
  const [pcode = "", article = ""] = id.split(":");
  return {
    id,
    articleId: `${pcode}:${article}`,
    pcode,
    law: "數位經濟相關產業個人資料檔案安全維護管理辦法",
    lawZh: "數位經濟相關產業個人資料檔案安全維護管理辦法",
    article,
    path: id.split(":").slice(2).map(Number),
    label,
    quote,
    articleText: quote,
    textLang: "zh",
    url: `https://law.moj.gov.tw/LawClass/LawSingle.aspx?pcode=${pcode}&flno=${article}`,
    lawUrl: `https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=${pcode}`,
    status: "in_force",
    asOf: "2023-10-12",
    score: 1,
    source: "search",
    // K0010162 is issued by the Ministry of Digital Affairs: its 本部 is 數位發展部.
    authority: "數位發展部",
  };
}

export const REPORT_CITATIONS: Citation[] = [
  citation("K0010162:8:2", REPORT_CLAUSE, "《數位經濟相關產業個人資料檔案安全維護管理辦法》第8條第2項"),
  citation("K0010162:8:3", DELAY_CLAUSE, "《數位經濟相關產業個人資料檔案安全維護管理辦法》第8條第3項"),
];
