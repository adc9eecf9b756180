import type { ClauseRecord, ClauseStatus, Lang } from "../../knowledge/clause.js";

/** 《個人資料保護法》第27條第1項 / Personal Data Protection Act, Article 27, paragraph 1. */
export function clauseLabel(lawName: string, article: string, path: number[], lang: Lang): string {
  const [paragraph, item, subItem] = path;
  if (lang === "en") {
    return [`${lawName}, Article ${article}`, paragraph ? `paragraph ${paragraph}` : "", item ? `subparagraph ${item}` : "", subItem ? `item ${subItem}` : ""]
      .filter(Boolean)
      .join(", ");
  }
  return `《${lawName}》第${article}條${paragraph ? `第${paragraph}項` : ""}${item ? `第${item}款` : ""}${subItem ? `第${subItem}目` : ""}`;
}

/** The label of a clause record in the reader's language. */
export function labelOf(clause: ClauseRecord, lang: Lang): string {
  return clauseLabel(lang === "en" ? clause.lawName : clause.lawNameZh, clause.article, clause.path, lang);
}

/** The label of consecutive paragraphs quoted together: 《…》第8條第1項、第2項 / Article 8, paragraphs 1 and 2. */
export function labelOfParts(parts: ClauseRecord[], lang: Lang): string {
  const first = parts[0];
  if (!first) return "";
  if (parts.length === 1 || parts.some((p) => p.level !== "paragraph")) return labelOf(first, lang);
  const numbers = parts.map((p) => p.path[0]);
  if (lang === "en") return `${first.lawName}, Article ${first.article}, paragraphs ${numbers.join(" and ")}`;
  return `《${first.lawNameZh}》第${first.article}條${numbers.map((n) => `第${n}項`).join("、")}`;
}

const STATUS: Record<Lang, Record<ClauseStatus, string>> = {
  zh: { in_force: "現行有效", repealed: "已廢止", not_yet_in_force: "尚未施行", deleted: "已刪除" },
  en: { in_force: "in force", repealed: "repealed", not_yet_in_force: "not yet in force", deleted: "deleted" },
};

/** The heading of an amendment's text promulgated but not yet in force, shown under the text in force. */
export function promulgatedHeading(asOf: string, lang: Lang): string {
  return lang === "en" ? `Promulgated ${asOf}, not yet in force:` : `【已公布、尚未施行】（${asOf} 公布）`;
}

export function statusLabel(status: ClauseStatus, lang: Lang): string {
  return STATUS[lang][status];
}
