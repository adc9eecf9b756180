import type { Lang } from "../../knowledge/clause.js";
import type { Checklist, CorpusChange, KnowledgeSource } from "../../knowledge/index.js";
import { labelOf } from "../answer/labels.js";
import { affectedClauses } from "../changes/affected.js";
import { affectedLine } from "../changes/render-changes.js";
import { evidenceText } from "./evidence.js";
import { itemText, latestByItem, resultLabel, sectionTitle } from "./progress.js";
import type { AssessmentReport } from "./report-model.js";
import type { AssessmentRecord, ChainHead, ResponseRecord } from "./store.js";
import { displayLabel } from "./views.js";

const COLUMNS: Record<Lang, AssessmentReport["columns"]> = {
  zh: ["查核項目", "查核內容", "查核結果", "提出佐證證明或說明", "說明及參考資料", "主管機關文件對應"],
  en: ["Item", "Question", "Result", "Evidence or explanation", "Guidance and references", "Regulatory reference"],
};

/** The ministry-style table, the summary per result and section, and the gap list of 否 items. */
export function buildReport(
  assessment: AssessmentRecord,
  checklist: Checklist,
  responses: ResponseRecord[],
  knowledge: KnowledgeSource,
  lang: Lang,
  generatedAt: string,
  chainHead?: ChainHead,
  changes: CorpusChange[] = [],
): AssessmentReport {
  const latest = latestByItem(responses);
  const clauseText = (ids: string[]) =>
    ids
      .map((id) => {
        const clause = knowledge.clause(id, lang);
        return clause ? labelOf(clause, lang) : id;
      })
      .join(lang === "en" ? "; " : "、");
  const rows = checklist.items.map((item) => {
    const response = latest.get(item.id);
    const text = itemText(item, lang);
    const against = response ? { ...(response.corpusVersion ? { version: response.corpusVersion } : {}), at: response.answeredAt } : undefined;
    const changed = against ? affectedClauses(response?.clauseIds ?? [], changes, against, knowledge, lang) : [];
    const changedText =
      changed.length > 0
        ? `${lang === "en" ? "The law changed, please check again" : "法規已變動，請重新確認"}：${changed.map((c) => affectedLine(c, lang)).join("；")}`
        : "";
    return {
      ...(changedText ? { regulationChanged: changedText } : {}),
      itemId: item.id,
      section: sectionTitle(checklist, item.section, lang),
      item: `${item.id} ${text.item}`,
      question: text.question,
      ...(response ? { result: response.result } : {}),
      resultLabel: response ? resultLabel(response.result, lang) : lang === "en" ? "(not answered)" : "（未作答）",
      evidence: response ? evidenceText(response, lang) : "",
      guidance: text.guidance,
      clauses:
        clauseText(item.clauses) +
        (item.legacy_reference ? (lang === "en" ? ` (formerly: ${item.legacy_reference})` : `（原對應：${item.legacy_reference}）`) : "") +
        (changedText ? `（${changedText}）` : ""),
      answeredBy: response ? (response.userName ?? response.userId) : "",
      answeredAt: response?.answeredAt ?? "",
    };
  });
  const counts = { yes: 0, no: 0, na: 0, open: 0 };
  for (const row of rows) counts[row.result ?? "open"]++;
  const bySection = checklist.sections.map((section) => {
    const sectionRows = rows.filter((_, i) => checklist.items[i]?.section === section.id);
    const count = (result: string | undefined) => sectionRows.filter((r) => r.result === result).length;
    return {
      section: lang === "en" ? section.title_en : section.title_zh,
      yes: count("yes"),
      no: count("no"),
      na: count("na"),
      open: count(undefined),
      total: sectionRows.length,
    };
  });
  const gaps = checklist.items.flatMap((item) => {
    const response = latest.get(item.id);
    if (response?.result !== "no") return [];
    const text = itemText(item, lang);
    return [
      {
        itemId: item.id,
        item: text.item,
        question: text.question,
        note: evidenceText(response, lang),
        remediation: text.remediation,
        clauses: clauseText(item.clauses),
      },
    ];
  });
  return {
    assessmentId: assessment.id,
    label: displayLabel(assessment, checklist, lang),
    checklistTitle: lang === "en" ? checklist.title_en : checklist.title_zh,
    checklistVersion: checklist.version,
    lang,
    status: assessment.status,
    generatedAt,
    columns: COLUMNS[lang],
    rows,
    summary: { counts, bySection },
    gaps,
    ...(chainHead ? { chainHead } : {}),
  };
}
