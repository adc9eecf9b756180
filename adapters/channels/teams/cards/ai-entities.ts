import type { Answer } from "../../../../bot/index.js";

/** Teams limits of a citation's appearance (Bot messages with AI-generated content). */
const ABSTRACT_MAX = 160;
const NAME_MAX = 80;

/**
 * The entities of a model-written answer as Teams shows grounded bots: the message is
 * marked AI-generated (additionalType AIGeneratedContent) and carries one citation per
 * clause (Claim / DigitalDocument with name, abstract and url), numbered as on the card.
 * Undefined for an offline answer: it is quoted, not generated.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/bot-messages-ai-generated-content
 */
export function aiMessageEntities(answer: Answer): Array<Record<string, unknown>> | undefined {
  if (answer.generation?.mode !== "model") return undefined;
  return [
    {
      type: "https://schema.org/Message",
      "@type": "Message",
      "@context": "https://schema.org",
      "@id": "",
      additionalType: ["AIGeneratedContent"],
      citation: answer.citations.map((c, i) => ({
        "@type": "Claim",
        position: i + 1,
        appearance: {
          "@type": "DigitalDocument",
          name: cut(c.label, NAME_MAX),
          abstract: cut(c.quote.replace(/\s*\n\s*/g, " "), ABSTRACT_MAX),
          url: c.url,
        },
      })),
    },
  ];
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
