import type { Answer, Citation } from "./answer.js";
import { promulgatedHeading, statusLabel } from "./labels.js";
import { SOURCE_LINE } from "./messages.js";

/** The answer as plain text: lead, warnings, numbered citations with text, link and date, source line. */
export function renderAnswerText(answer: Answer): string {
  const en = answer.lang === "en";
  if (answer.abstained) return [answer.lead, ...answer.suggestions.map((s) => `• ${s}`)].join("\n");
  const blocks: string[] = [answer.lead];
  if (answer.warnings.length > 0) blocks.push(answer.warnings.join("\n"));
  blocks.push(en ? "Clauses cited:" : "引用條文：");
  for (const [i, citation] of answer.citations.entries()) blocks.push(renderCitation(citation, i + 1, en));
  if (answer.cases.length > 0) {
    blocks.push(en ? "Case studies (illustrations, not law):" : "參考案例（案例說明，非法規條文）：");
    for (const c of answer.cases) blocks.push(`• ${c.title}：${c.summary}`);
  }
  if (answer.suggestions.length > 0) blocks.push(answer.suggestions.map((s) => `• ${s}`).join("\n"));
  blocks.push(SOURCE_LINE[answer.lang]);
  return blocks.join("\n\n");
}

function renderCitation(citation: Citation, n: number, en: boolean): string {
  const lang = en ? "en" : "zh";
  const status = statusLabel(citation.status, lang);
  const head = en ? `${n}. ${citation.label} (${status}; text as of ${citation.asOf})` : `${n}. ${citation.label}（${status}；條文日期 ${citation.asOf}）`;
  const lines = [head, indent(citation.quote)];
  if (citation.promulgated) {
    lines.push(`   ${promulgatedHeading(citation.promulgated.asOf, lang)}`);
    lines.push(indent(citation.promulgated.quote));
  }
  if (en && citation.textLang === "zh") lines.push("   (official Chinese text; no English translation is published)");
  if (citation.successor) {
    lines.push(
      en
        ? `   ⚠ Repealed ${citation.successor.repealedOn}. Now: ${citation.successor.labels.join(", ")}`
        : `   ⚠ 已於 ${citation.successor.repealedOn} 廢止，現行規定：${citation.successor.labels.join("、")}`,
    );
    if (citation.successor.note) lines.push(`   ${citation.successor.note}`);
  }
  if (citation.note) lines.push(en ? `   In plain words (our note, not law): ${citation.note}` : `   白話說明（本助理整理，非法規原文）：${citation.note}`);
  lines.push(`   ${citation.url}`);
  return lines.join("\n");
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `   ${line}`)
    .join("\n");
}
