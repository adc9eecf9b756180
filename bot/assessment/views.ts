import type { Lang } from "../../knowledge/clause.js";
import type { Checklist, ChecklistItem, KnowledgeSource } from "../../knowledge/index.js";
import { citeClause } from "../answer/compose-answer.js";
import type { AssessmentOption, ChecklistOption, ItemView, RecordedView, StatusView, WhyView } from "../conversation/reply.js";
import { type PersonalDataKind, personalDataLabel } from "../privacy/mask-personal-data.js";
import { evidenceText } from "./evidence.js";
import { checklistTitle, countResults, itemText, latestByItem, resultLabel, sectionTitle } from "./progress.js";
import type { AssessmentRecord, ResponseRecord } from "./store.js";

/** Builders of the reply views; pure functions of the stored state. */

export function displayLabel(assessment: AssessmentRecord, checklist: Checklist | undefined, lang: Lang): string {
  const title = checklist ? checklistTitle(checklist, lang) : assessment.checklistId;
  return assessment.label ? `${title} · ${assessment.label}` : title;
}

export function itemView(assessment: AssessmentRecord, checklist: Checklist, item: ChecklistItem, responses: ResponseRecord[], lang: Lang): ItemView {
  const latest = latestByItem(responses);
  const current = latest.get(item.id);
  const text = itemText(item, lang);
  return {
    assessmentId: assessment.id,
    assessmentLabel: displayLabel(assessment, checklist, lang),
    checklistId: checklist.id,
    checklistVersion: checklist.version,
    itemId: item.id,
    position: checklist.items.indexOf(item) + 1,
    total: checklist.items.length,
    answered: checklist.items.filter((i) => latest.has(i.id)).length,
    section: sectionTitle(checklist, item.section, lang),
    item: text.item,
    question: text.question,
    evidence: text.evidence,
    ...(current
      ? {
          current: {
            result: current.result,
            resultLabel: resultLabel(current.result, lang),
            ...(evidenceText(current, lang) ? { note: evidenceText(current, lang) } : {}),
            by: current.userName ?? current.userId,
            at: current.answeredAt,
          },
        }
      : {}),
  };
}

export function recordedView(checklist: Checklist, item: ChecklistItem, response: ResponseRecord, masked: PersonalDataKind[], lang: Lang): RecordedView {
  const text = itemText(item, lang);
  return {
    assessmentId: response.assessmentId,
    itemId: item.id,
    position: checklist.items.indexOf(item) + 1,
    total: checklist.items.length,
    item: text.item,
    question: text.question,
    result: response.result,
    resultLabel: resultLabel(response.result, lang),
    ...(evidenceText(response, lang) ? { note: evidenceText(response, lang) } : {}),
    masked: masked.map((kind) => personalDataLabel(kind, lang)),
    by: response.userName ?? response.userId,
    at: response.answeredAt,
    ...(response.result === "no" ? { remediation: text.remediation } : {}),
  };
}

export function statusView(assessment: AssessmentRecord, checklist: Checklist, responses: ResponseRecord[], lang: Lang): StatusView {
  const latest = latestByItem(responses);
  const counts = countResults(checklist, responses);
  return {
    assessmentId: assessment.id,
    label: displayLabel(assessment, checklist, lang),
    checklistTitle: checklistTitle(checklist, lang),
    checklistVersion: checklist.version,
    status: assessment.status,
    answered: checklist.items.length - counts.open,
    total: checklist.items.length,
    counts: { yes: counts.yes, no: counts.no, na: counts.na },
    bySection: checklist.sections.map((section) => {
      const items = checklist.items.filter((i) => i.section === section.id);
      return {
        section: lang === "en" ? section.title_en : section.title_zh,
        answered: items.filter((i) => latest.has(i.id)).length,
        total: items.length,
        no: items.filter((i) => latest.get(i.id)?.result === "no").length,
      };
    }),
    open: checklist.items.filter((i) => !latest.has(i.id)).map((i) => i.id),
    shared: Boolean(assessment.sharedWith),
  };
}

export function whyView(assessment: AssessmentRecord, item: ChecklistItem, knowledge: KnowledgeSource, lang: Lang): WhyView {
  const text = itemText(item, lang);
  return {
    assessmentId: assessment.id,
    itemId: item.id,
    item: text.item,
    guidance: text.guidance,
    citations: item.clauses.flatMap((id) => citeClause(id, lang, knowledge) ?? []),
    cases: item.cases.flatMap((id) => knowledge.caseStudy(id, lang) ?? []),
    ...(item.legacy_reference ? { legacyReference: item.legacy_reference } : {}),
  };
}

export function checklistOption(checklist: Checklist, lang: Lang): ChecklistOption {
  return {
    id: checklist.id,
    title: checklistTitle(checklist, lang),
    description: lang === "en" ? checklist.description_en : checklist.description_zh,
    version: checklist.version,
    items: checklist.items.length,
  };
}

export function assessmentOption(
  assessment: AssessmentRecord,
  checklist: Checklist | undefined,
  responses: ResponseRecord[],
  userId: string,
  lang: Lang,
): AssessmentOption {
  const total = checklist?.items.length ?? 0;
  const answered = checklist ? total - countResults(checklist, responses).open : responses.length;
  return {
    id: assessment.id,
    label: displayLabel(assessment, checklist, lang),
    checklistTitle: checklist ? checklistTitle(checklist, lang) : assessment.checklistId,
    answered,
    total,
    status: assessment.status,
    updatedAt: assessment.updatedAt,
    shared: Boolean(assessment.sharedWith),
    owned: assessment.ownerId === userId,
  };
}
