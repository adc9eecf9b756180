import { type AssessmentOption, assessmentStatusLabel, type ChecklistOption, type StatusView } from "../../../../bot/index.js";
import type { Lang } from "../../../../knowledge/index.js";
import { ACTION_PREFIX, turnButton } from "../button-value.js";
import { slackTexts } from "../texts.js";
import { actions, type Block, button, escapeText, header, section } from "./mrkdwn.js";

/** A ten-cell progress bar, readable without colour. */
function progressBar(answered: number, total: number): string {
  const filled = total > 0 ? Math.round((answered / total) * 10) : 0;
  return `${"▰".repeat(filled)}${"▱".repeat(10 - filled)}`;
}

/** Progress of one assessment: counts, sections, and Resume / Export buttons. */
export function statusBlocks(status: StatusView, lang: Lang): Block[] {
  const t = slackTexts(lang);
  const lines = [
    `${progressBar(status.answered, status.total)}  ${t.answered(status.answered, status.total)} · ${assessmentStatusLabel(status.status, lang)}${status.shared ? t.team : ""}`,
    t.counts(status.counts.yes, status.counts.no, status.counts.na),
    ...status.bySection.map((s) => `• ${escapeText(s.section)}：${s.answered}/${s.total}${s.no ? (lang === "en" ? ` (${s.no} no)` : `（否 ${s.no}）`) : ""}`),
  ];
  const buttons = [
    button(`${ACTION_PREFIX}status:report`, t.report, turnButton({ type: "command", command: "report", assessmentId: status.assessmentId }, lang)),
  ];
  if (status.status !== "completed") {
    buttons.unshift(button(`${ACTION_PREFIX}status:resume`, t.resume, turnButton({ type: "resume", assessmentId: status.assessmentId }, lang), "primary"));
  }
  return [header(`${status.label}〔${status.assessmentId}〕`), section(lines.join("\n")), actions(buttons)];
}

/** Checklists to choose from, each with a Start button. */
export function checklistBlocks(checklists: ChecklistOption[], lang: Lang): Block[] {
  const t = slackTexts(lang);
  return checklists.map((c, i) =>
    section(
      `*${escapeText(c.title)}*（${t.itemsVersion(c.items, c.version)}）\n${escapeText(c.description)}`,
      button(`${ACTION_PREFIX}start:${i}`, t.start, turnButton({ type: "start", checklistId: c.id }, lang), "primary"),
    ),
  );
}

/** The user's assessments with progress, each with Resume (or Export when completed). */
export function assessmentListBlocks(assessments: AssessmentOption[], lang: Lang): Block[] {
  const t = slackTexts(lang);
  return assessments.map((a, i) => {
    const line = `*${escapeText(a.label)}*〔${escapeText(a.id)}〕${a.owned ? "" : t.team}\n${progressBar(a.answered, a.total)}  ${t.answered(a.answered, a.total)} · ${assessmentStatusLabel(a.status, lang)}`;
    const choose =
      a.status === "completed"
        ? button(`${ACTION_PREFIX}report:${i}`, t.report, turnButton({ type: "command", command: "report", assessmentId: a.id }, lang))
        : button(`${ACTION_PREFIX}resume:${i}`, t.resume, turnButton({ type: "resume", assessmentId: a.id }, lang), "primary");
    return section(line, choose);
  });
}
