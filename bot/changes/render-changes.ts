import type { Lang } from "../../knowledge/clause.js";
import type { CorpusChange, RegulationChange, RegulationChangeKind } from "../../knowledge/index.js";
import type { AffectedClause, ChangeReason } from "./affected.js";
import type { ImpactReport } from "./impact.js";

const KIND: Record<Lang, Record<RegulationChangeKind, string>> = {
  zh: { added: "新增", removed: "自資料庫移除", repealed: "廢止", renamed: "更名", amended: "修正" },
  en: { added: "added", removed: "removed from the database", repealed: "repealed", renamed: "renamed", amended: "amended" },
};
const REASON: Record<Lang, Record<ChangeReason, string>> = {
  zh: { changed: "條文已修正", deleted: "條文已刪除", repealed: "法規已廢止", removed: "法規已自資料庫移除" },
  en: { changed: "text amended", deleted: "article deleted", repealed: "regulation repealed", removed: "regulation removed" },
};

/** Number of regulations listed one by one in the text; --json has them all. */
const LISTED = 40;

/** The change report of one or more syncs, readable, in `lang`. */
export function renderChanges(changes: CorpusChange[], lang: Lang): string {
  const en = lang === "en";
  if (changes.length === 0) return en ? "No sync has changed the regulations in this period." : "這段期間沒有法規更新。";
  const blocks: string[] = [];
  for (const change of changes) {
    const head = change.previous
      ? en
        ? `Regulations updated: ${change.previous} → ${change.version} (${change.regulations.length} regulations changed${counts(change.regulations, lang)})`
        : `法規更新：${change.previous} → ${change.version}（${change.regulations.length} 部法規有變動${counts(change.regulations, lang)}）`
      : en
        ? `First corpus version: ${change.version}`
        : `初次載入的法規版本：${change.version}`;
    const lines = change.regulations.slice(0, LISTED).map((r) => `• ${regulationLine(r, lang)}`);
    if (change.regulations.length > LISTED)
      lines.push(
        en ? `… and ${change.regulations.length - LISTED} more (--json lists all)` : `……另有 ${change.regulations.length - LISTED} 部（--json 列出全部）`,
      );
    blocks.push([head, ...lines].join("\n"));
  }
  return blocks.join("\n\n");
}

function counts(regulations: RegulationChange[], lang: Lang): string {
  const parts = (Object.keys(KIND.zh) as RegulationChangeKind[]).flatMap((kind) => {
    const n = regulations.filter((r) => r.kinds.includes(kind)).length;
    return n > 0 ? [`${KIND[lang][kind]} ${n}`] : [];
  });
  return parts.length > 0 ? (lang === "en" ? `: ${parts.join(", ")}` : `：${parts.join("、")}`) : "";
}

/** One regulation's change: 《個人資料保護法》（I0050021）修正（2023-05-31）：新增第1-1條；修正第48條 */
export function regulationLine(r: RegulationChange, lang: Lang): string {
  const en = lang === "en";
  const name = en ? `${r.name} (${r.pcode})` : `《${r.name}》（${r.pcode}）`;
  const kinds = r.kinds.map((k) => KIND[lang][k]).join(en ? ", " : "、");
  const renamed = r.previousName ? (en ? ` (formerly ${r.previousName})` : `（原名《${r.previousName}》）`) : "";
  const date = r.modified ? (en ? ` on ${r.modified}` : `（${r.modified}）`) : "";
  const articles = [
    [en ? "added" : "新增", r.articles.added],
    [en ? "amended" : "修正", r.articles.changed],
    [en ? "deleted" : "刪除", r.articles.deleted],
  ]
    .filter(([, ids]) => (ids as string[]).length > 0)
    .map(([word, ids]) => {
      const numbers = (ids as string[]).map((id) => id.split(":")[1] ?? id);
      return en ? `${word} Art. ${numbers.join(", ")}` : `${word}第${numbers.join("、")}條`;
    });
  return `${name}${en ? ": " : ""}${kinds}${renamed}${date}${articles.length > 0 ? (en ? `; ${articles.join("; ")}` : `：${articles.join("；")}`) : ""}`;
}

/** One affected clause: J0080052:9 法規已廢止 → 現行規定：《…》第19條 */
export function affectedLine(clause: AffectedClause, lang: Lang): string {
  const en = lang === "en";
  const successor = clause.successor ? (en ? ` → now: ${clause.successor.labels.join(", ")}` : ` → 現行規定：${clause.successor.labels.join("、")}`) : "";
  return `${clause.id} ${REASON[lang][clause.reason]}${successor}`;
}

/** The impact part of the change report: past answers, checklist items and assessments to check again. */
export function renderImpact(impact: ImpactReport, lang: Lang): string {
  const en = lang === "en";
  const clauses = (list: AffectedClause[]) => list.map((c) => affectedLine(c, lang)).join(en ? "; " : "；");
  const lines: string[] = [];
  lines.push(en ? `Past answers citing changed clauses: ${impact.questions.length}` : `引用已變動條文的過去回答：${impact.questions.length} 則`);
  for (const q of impact.questions) lines.push(`• ${q.questionId}（${q.askedAt.slice(0, 10)}）：${clauses(q.clauses)}`);
  lines.push(en ? `Checklist items citing changed clauses: ${impact.items.length}` : `引用已變動條文的查核項目：${impact.items.length} 項`);
  for (const i of impact.items) lines.push(`• ${i.checklistId} ${i.itemId}：${clauses(i.clauses)}`);
  lines.push(en ? `Answered assessment items to check again: ${impact.responses.length}` : `需重新確認的自評作答：${impact.responses.length} 項`);
  for (const r of impact.responses) {
    const state = r.open ? (en ? "open" : "進行中") : en ? "completed" : "已完成";
    lines.push(`• ${r.assessmentId} ${r.itemId}（${state}；${en ? "owner" : "擁有者"} ${r.ownerId}）：${clauses(r.clauses)}`);
  }
  return lines.join("\n");
}
