import { articleIdOf, type ClauseRecord, type ClauseStatus, type Lang } from "../../../knowledge/index.js";

/** A clause record for a test: only the id, the law and the text are needed. */
export function clause(
  id: string,
  text: string,
  options: { lang?: Lang; law?: string; lawZh?: string; status?: ClauseStatus; asOf?: string } = {},
): ClauseRecord {
  const [pcode = "", article = "", ...path] = id.split(":");
  const lang = options.lang ?? "zh";
  const lawZh = options.lawZh ?? options.law ?? pcode;
  const levels = ["article", "paragraph", "item", "subitem"] as const;
  return {
    id,
    articleId: articleIdOf(id),
    pcode,
    article,
    level: levels[path.length] ?? "subitem",
    path: path.map(Number),
    lang,
    lawName: lang === "en" ? (options.law ?? lawZh) : lawZh,
    lawNameZh: lawZh,
    text,
    status: options.status ?? "in_force",
    asOf: options.asOf ?? "2023-05-31",
    url: `https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=${pcode}`,
  };
}
