import type { ChecklistOption } from "../../../../bot/index.js";
import type { Lang } from "../../../../knowledge/index.js";
import { teamsTexts } from "../texts.js";
import { type AdaptiveCard, adaptiveCard, botAction, type CardElement, textBlock } from "./adaptive-card.js";

/** Sent when the bot is added to a chat or team: what it does, and buttons to begin. */
export function welcomeCard(checklists: ChecklistOption[], lang: Lang): AdaptiveCard {
  const l = teamsTexts(lang);
  const body: CardElement[] = [textBlock(l.botName, { weight: "Bolder", size: "Large" }), ...l.welcome.map((line) => textBlock(line))];
  body.push(textBlock(l.welcomeExamples, { isSubtle: true }));
  if (checklists.length > 0) body.push(textBlock(l.welcomeChecklists(checklists.map((c) => c.title).join(lang === "en" ? "; " : "、")), { size: "Small" }));
  return adaptiveCard(body, {
    fallbackText: welcomeText(lang),
    actions: [
      botAction(l.startAssessment, { ca: "command", command: "start" }),
      botAction(l.myAssessments, { ca: "command", command: "assessments" }),
      botAction(l.help, { ca: "command", command: "help" }),
    ],
  });
}

/** The welcome as plain text, for clients that cannot render the card. */
export function welcomeText(lang: Lang): string {
  const l = teamsTexts(lang);
  return [l.botName, ...l.welcome, l.welcomeExamples].join("\n");
}
