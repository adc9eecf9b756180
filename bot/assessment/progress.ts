import type { Lang } from "../../knowledge/clause.js";
import type { Checklist, ChecklistItem, CheckResult } from "../../knowledge/index.js";
import type { AssessmentStatus, ResponseRecord } from "./store.js";

const RESULT_LABELS: Record<Lang, Record<CheckResult, string>> = {
  zh: { yes: "是", no: "否", na: "不適用" },
  en: { yes: "Yes", no: "No", na: "N/A" },
};

const STATUS_LABELS: Record<Lang, Record<AssessmentStatus, string>> = {
  zh: { active: "進行中", paused: "已暫停", completed: "已完成" },
  en: { active: "in progress", paused: "paused", completed: "completed" },
};

/** 進行中 / 已暫停 / 已完成 (or in progress / paused / completed). */
export function assessmentStatusLabel(status: AssessmentStatus, lang: Lang): string {
  return STATUS_LABELS[lang][status];
}

/** 是 / 否 / 不適用 (or Yes / No / N/A). */
export function resultLabel(result: CheckResult, lang: Lang): string {
  return RESULT_LABELS[lang][result];
}

/** Item text fields in the reader's language. */
export function itemText(item: ChecklistItem, lang: Lang) {
  return lang === "en"
    ? { item: item.item_en, question: item.question_en, evidence: item.evidence_en, guidance: item.guidance_en, remediation: item.remediation_en }
    : { item: item.item_zh, question: item.question_zh, evidence: item.evidence_zh, guidance: item.guidance_zh, remediation: item.remediation_zh };
}

export function sectionTitle(checklist: Checklist, sectionId: string, lang: Lang): string {
  const section = checklist.sections.find((s) => s.id === sectionId);
  return section ? (lang === "en" ? section.title_en : section.title_zh) : sectionId;
}

export function checklistTitle(checklist: Checklist, lang: Lang): string {
  return lang === "en" ? checklist.title_en : checklist.title_zh;
}

export function latestByItem(responses: ResponseRecord[]): Map<string, ResponseRecord> {
  return new Map(responses.map((r) => [r.itemId, r]));
}

/**
 * The next item without an answer, looking forward from `afterItemId` and wrapping to the
 * start, so skipped items come round again. Undefined when every item is answered.
 */
export function nextOpenItem(checklist: Checklist, answered: Set<string>, afterItemId?: string, exclude?: string): ChecklistItem | undefined {
  const items = checklist.items;
  const start = afterItemId ? items.findIndex((i) => i.id === afterItemId) + 1 : 0;
  for (let k = 0; k < items.length; k++) {
    const item = items[(start + k) % items.length] as ChecklistItem;
    if (!answered.has(item.id) && item.id !== exclude) return item;
  }
  return exclude && !answered.has(exclude) ? items.find((i) => i.id === exclude) : undefined;
}

export function countResults(checklist: Checklist, responses: ResponseRecord[]): Record<CheckResult, number> & { open: number } {
  const latest = latestByItem(responses);
  const counts = { yes: 0, no: 0, na: 0, open: 0 };
  for (const item of checklist.items) {
    const response = latest.get(item.id);
    if (response) counts[response.result]++;
    else counts.open++;
  }
  return counts;
}
