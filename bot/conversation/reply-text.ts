import type { Lang } from "../../knowledge/clause.js";
import { statusLabel } from "../answer/labels.js";
import { renderAnswerText } from "../answer/render-text.js";
import { assessmentStatusLabel } from "../assessment/progress.js";
import type { ItemView, Reply, ReplyPart, StatusView, WhyView } from "./reply.js";

/** The reply as plain text: the terminal chat, and the fallback of channels that cannot render cards. */
export function renderReplyText(reply: Reply): string {
  return reply.parts.map((part) => renderPart(part, reply.lang)).join("\n\n");
}

export function renderPart(part: ReplyPart, lang: Lang): string {
  const en = lang === "en";
  switch (part.kind) {
    case "answer":
      return renderAnswerText(part.answer);
    case "item":
      return renderItem(part.item, en);
    case "recorded": {
      const r = part.recorded;
      const lines = [en ? `✔ Item ${r.position}/${r.total} recorded: ${r.resultLabel}` : `✔ 第 ${r.position}/${r.total} 題已記錄：${r.resultLabel}`];
      if (r.note) lines.push(en ? `  Evidence: ${r.note}` : `  佐證說明：${r.note}`);
      if (r.remediation) lines.push(en ? `  To fix: ${r.remediation}` : `  改善建議：${r.remediation}`);
      return lines.join("\n");
    }
    case "why":
      return renderWhy(part.why, en);
    case "status":
      return renderStatus(part.status, en);
    case "checklists":
      return part.checklists.map((c, i) => `${i + 1}. ${c.title}（${c.items} ${en ? "items" : "題"}, v${c.version}）— ${c.description}`).join("\n");
    case "assessments":
      return part.assessments
        .map(
          (a, i) =>
            `${i + 1}. [${a.id}] ${a.label} — ${a.answered}/${a.total} ${assessmentStatusLabel(a.status, lang)}${a.owned ? "" : en ? " (team)" : "（團隊共用）"}`,
        )
        .join("\n");
    case "report":
      return en ? `Report of ${part.label} (code ${part.assessmentId})` : `查核報告：${part.label}（代碼 ${part.assessmentId}）`;
    case "notice":
      return part.text;
    case "feedback_reasons":
      return `${part.prompt}\n${part.options.map((o, i) => `${i + 1}. ${o.label}`).join("\n")}`;
  }
}

function renderItem(item: ItemView, en: boolean): string {
  const lines = [
    en ? `【Item ${item.position}/${item.total}】${item.section}` : `【第 ${item.position}/${item.total} 題】${item.section}`,
    en ? `Item: ${item.itemId} ${item.item}` : `查核項目：${item.itemId} ${item.item}`,
    en ? `Question: ${item.question}` : `查核內容：${item.question}`,
    en ? `Evidence that fits: ${item.evidence.join("; ")}` : `可提出的佐證：${item.evidence.join("、")}`,
  ];
  if (item.current) {
    lines.push(
      en
        ? `Answered: ${item.current.resultLabel}${item.current.note ? ` (${item.current.note})` : ""} by ${item.current.by}`
        : `目前答案：${item.current.resultLabel}${item.current.note ? `（${item.current.note}）` : ""}，由 ${item.current.by} 作答`,
    );
  }
  lines.push(
    en ? "Answer yes / no / n/a (a note may follow) · why · skip · back · pause" : "請回覆：是／否／不適用（可在後面加上說明）· 為什麼 · 跳過 · 上一題 · 暫停",
  );
  return lines.join("\n");
}

function renderWhy(why: WhyView, en: boolean): string {
  const lines = [en ? `Why "${why.item}" is asked:` : `為什麼問「${why.item}」：`, why.guidance];
  for (const c of why.citations) {
    lines.push(`• ${c.label}（${statusLabel(c.status, en ? "en" : "zh")}）`, `  ${c.quote.replace(/\n/g, "\n  ")}`, `  ${c.url}`);
    if (c.successor) lines.push(en ? `  ⚠ Repealed; now ${c.successor.labels.join(", ")}` : `  ⚠ 已廢止，現行規定：${c.successor.labels.join("、")}`);
  }
  if (why.legacyReference) {
    lines.push(
      en
        ? `Formerly cited as: ${why.legacyReference} (J0080052, repealed 2023-11-21)`
        : `舊版對應：${why.legacyReference}（網際網路零售業個資辦法，已於 2023-11-21 廢止）`,
    );
  }
  for (const c of why.cases)
    lines.push(en ? `Case study (illustration, not law): ${c.title} — ${c.summary}` : `參考案例（案例說明，非法規）：${c.title}——${c.summary}`);
  return lines.join("\n");
}

function renderStatus(status: StatusView, en: boolean): string {
  const c = status.counts;
  const lines = [
    en
      ? `${status.label} [${status.assessmentId}] — ${status.answered}/${status.total} answered (${assessmentStatusLabel(status.status, "en")})`
      : `${status.label}〔${status.assessmentId}〕— 已作答 ${status.answered}/${status.total}（${assessmentStatusLabel(status.status, "zh")}）`,
    en ? `Yes ${c.yes} · No ${c.no} · N/A ${c.na}` : `是 ${c.yes}・否 ${c.no}・不適用 ${c.na}`,
    ...status.bySection.map((s) => `  ${s.section}: ${s.answered}/${s.total}${s.no ? (en ? ` (${s.no} no)` : `（否 ${s.no}）`) : ""}`),
  ];
  return lines.join("\n");
}
