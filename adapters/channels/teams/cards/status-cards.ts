import { type AssessmentReport, assessmentStatusLabel, renderPart, type StatusView, type WhyView } from "../../../../bot/index.js";
import type { Lang } from "../../../../knowledge/index.js";
import { teamsTexts } from "../texts.js";
import { type AdaptiveCard, actionSet, adaptiveCard, botAction, type CardElement, factSet, openUrl, paragraphs, textBlock } from "./adaptive-card.js";
import { citationBlock, fitCard } from "./answer-card.js";

/** Progress of an assessment, with 繼續 / 報告 / 分享. */
export function statusCard(status: StatusView, lang: Lang): AdaptiveCard {
  const l = teamsTexts(lang);
  const c = status.counts;
  const body: CardElement[] = [
    textBlock(status.label, { weight: "Bolder", size: "Medium" }),
    textBlock(
      `${l.code(status.assessmentId)}・v${status.checklistVersion}・${assessmentStatusLabel(status.status, lang)}${status.shared ? `・${l.team}` : ""}`,
      {
        size: "Small",
        isSubtle: true,
        spacing: "None",
      },
    ),
    factSet([
      [l.answered, `${status.answered}/${status.total}`],
      [l.counts, `${c.yes}／${c.no}／${c.na}`],
      ...status.bySection.map((s): [string, string] => [s.section, `${s.answered}/${s.total}${s.no ? `（${lang === "en" ? "no" : "否"} ${s.no}）` : ""}`]),
    ]),
  ];
  const actions: CardElement[] = [];
  if (status.status !== "completed") actions.push(botAction(l.resume, { ca: "resume", assessmentId: status.assessmentId }));
  actions.push(botAction(l.report, { ca: "command", command: "report", assessmentId: status.assessmentId }));
  if (!status.shared) actions.push(botAction(l.share, { ca: "command", command: "share", assessmentId: status.assessmentId }));
  body.push(actionSet(actions));
  return adaptiveCard(body, { fallbackText: renderPart({ kind: "status", status }, lang) });
}

/** Why an item is asked: our guidance, the clauses it rests on, case studies. */
export function whyCard(why: WhyView, lang: Lang, summaryBytes = 0): AdaptiveCard {
  return fitCard((limit) => adaptiveCard(whyBody(why, lang, limit), { fallbackText: renderPart({ kind: "why", why }, lang) }), summaryBytes);
}

function whyBody(why: WhyView, lang: Lang, fullTextLimit: number): CardElement[] {
  const l = teamsTexts(lang);
  const body: CardElement[] = [textBlock(l.whyTitle(why.item), { weight: "Bolder", size: "Medium" }), ...paragraphs(why.guidance)];
  for (const citation of why.citations) body.push(citationBlock(citation, lang, fullTextLimit));
  if (why.legacyReference) body.push(textBlock(l.legacy(why.legacyReference), { size: "Small", isSubtle: true }));
  if (why.cases.length > 0) {
    body.push(textBlock(l.cases, { weight: "Bolder", separator: true }));
    for (const c of why.cases) body.push(textBlock(`• ${c.title}：${c.summary}`, { size: "Small" }));
  }
  return body;
}

/** The report of an assessment with a download link the bot serves (see report-links.ts). */
export function reportCard(report: AssessmentReport, url: string, ttlMinutes: number, lang: Lang): AdaptiveCard {
  const l = teamsTexts(lang);
  const c = report.summary.counts;
  const fallbackText = renderPart({ kind: "report", assessmentId: report.assessmentId, label: report.label }, lang);
  return adaptiveCard(
    [
      textBlock(l.reportHeading(report.label), { weight: "Bolder", size: "Medium" }),
      textBlock(`${l.code(report.assessmentId)}・v${report.checklistVersion}・${assessmentStatusLabel(report.status, lang)}`, {
        size: "Small",
        isSubtle: true,
        spacing: "None",
      }),
      factSet([
        [l.counts, `${c.yes}／${c.no}／${c.na}`],
        [l.answered, `${report.rows.length - c.open}/${report.rows.length}`],
      ]),
      textBlock(l.linkValid(ttlMinutes), { size: "Small", isSubtle: true }),
    ],
    { actions: [openUrl(l.download, url)], fallbackText },
  );
}
