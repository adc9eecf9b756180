import type { AssessmentOption, ChecklistOption } from "../../../../bot/index.js";
import { assessmentStatusLabel, renderPart } from "../../../../bot/index.js";
import type { Lang } from "../../../../knowledge/index.js";
import { teamsTexts } from "../texts.js";
import { type AdaptiveCard, actionSet, adaptiveCard, botAction, type CardElement, container, textBlock } from "./adaptive-card.js";

/** The checklists to choose from, one 開始 button each. */
export function checklistsCard(checklists: ChecklistOption[], lang: Lang): AdaptiveCard {
  const l = teamsTexts(lang);
  const body: CardElement[] = checklists.map((c, i) =>
    container(
      [
        textBlock(`${i + 1}. ${c.title}`, { weight: "Bolder" }),
        textBlock(`${l.itemsCount(c.items)}・v${c.version}`, { size: "Small", isSubtle: true, spacing: "None" }),
        textBlock(c.description, { size: "Small" }),
        actionSet([botAction(l.start, { ca: "start", checklistId: c.id })]),
      ],
      { separator: i > 0 },
    ),
  );
  return adaptiveCard(body, { fallbackText: renderPart({ kind: "checklists", checklists }, lang) });
}

/** The user's assessments (own and the team's), one 繼續 button each. */
export function assessmentsCard(assessments: AssessmentOption[], lang: Lang): AdaptiveCard {
  const l = teamsTexts(lang);
  const body: CardElement[] = assessments.map((a, i) =>
    container(
      [
        textBlock(`${i + 1}. ${a.label}`, { weight: "Bolder" }),
        textBlock(`${l.code(a.id)}・${a.answered}/${a.total}・${assessmentStatusLabel(a.status, lang)}${a.owned ? "" : `・${l.team}`}`, {
          size: "Small",
          isSubtle: true,
          spacing: "None",
        }),
        actionSet([botAction(l.resume, { ca: "resume", assessmentId: a.id }), botAction(l.report, { ca: "command", command: "report", assessmentId: a.id })]),
      ],
      { separator: i > 0 },
    ),
  );
  return adaptiveCard(body, { fallbackText: renderPart({ kind: "assessments", assessments }, lang) });
}
