import { type ItemView, type RecordedView, renderPart, resultLabel } from "../../../../bot/index.js";
import type { Lang } from "../../../../knowledge/index.js";
import { MAX_NOTE } from "../card-data.js";
import { teamsTexts } from "../texts.js";
import { type AdaptiveCard, actionSet, adaptiveCard, botAction, type CardElement, container, textBlock } from "./adaptive-card.js";

/**
 * One checklist item: the question, what evidence fits, an evidence note input, 是 / 否 /
 * 不適用 and 為什麼 / 跳過 / 上一題 / 暫停. The answer buttons carry the assessment and item,
 * so a card answered late still records against the right item.
 */
export function itemCard(item: ItemView, lang: Lang): AdaptiveCard {
  const l = teamsTexts(lang);
  const body: CardElement[] = [
    textBlock(item.assessmentLabel, { size: "Small", isSubtle: true }),
    textBlock(`${l.itemHeading(item.position, item.total)}・${item.section}`, { weight: "Bolder", spacing: "None" }),
    textBlock(`${item.itemId} ${item.item}`, { weight: "Bolder", size: "Medium" }),
    textBlock(item.question),
  ];
  if (item.evidence.length > 0) {
    body.push(
      container([
        textBlock(l.evidence, { size: "Small", weight: "Bolder" }),
        ...item.evidence.map((e) => textBlock(`• ${e}`, { size: "Small", spacing: "None" })),
      ]),
    );
  }
  if (item.current) {
    const current = `${l.currentAnswer(item.current.resultLabel, item.current.by)}${item.current.note ? `：${item.current.note}` : ""}`;
    body.push(textBlock(current, { color: "Accent", size: "Small" }));
  }
  body.push({
    type: "Input.Text",
    id: "note",
    label: l.evidenceNote,
    placeholder: l.notePlaceholder,
    isMultiline: true,
    maxLength: MAX_NOTE,
    ...(item.current?.note ? { value: item.current.note } : {}),
  });
  const answer = (result: "yes" | "no" | "na", style?: "positive" | "destructive") =>
    botAction(resultLabel(result, lang), { ca: "answer", assessmentId: item.assessmentId, itemId: item.itemId, result }, style);
  const command = (title: string, name: "why" | "skip" | "back" | "pause") =>
    botAction(title, { ca: "command", command: name, assessmentId: item.assessmentId });
  body.push(actionSet([answer("yes", "positive"), answer("no", "destructive"), answer("na")]));
  body.push(actionSet([command(l.why, "why"), command(l.skip, "skip"), command(l.back, "back"), command(l.pause, "pause")]));
  return adaptiveCard(body, { fallbackText: renderPart({ kind: "item", item }, lang) });
}

/** What was recorded; replaces the item card in place after an answer. */
export function recordedCard(recorded: RecordedView, lang: Lang): AdaptiveCard {
  const l = teamsTexts(lang);
  const body: CardElement[] = [
    textBlock(l.recordedHeading(recorded.position, recorded.total, recorded.resultLabel), {
      weight: "Bolder",
      color: recorded.result === "no" ? "Warning" : "Good",
    }),
    textBlock(`${recorded.itemId} ${recorded.item}`, { weight: "Bolder" }),
    textBlock(recorded.question, { size: "Small" }),
  ];
  if (recorded.note) body.push(textBlock(`${l.evidenceNote}：${recorded.note}`));
  if (recorded.masked.length > 0) body.push(textBlock(l.masked(recorded.masked.join("、")), { size: "Small", color: "Warning" }));
  if (recorded.remediation) body.push(textBlock(`${l.remediation}：${recorded.remediation}`, { color: "Attention" }));
  body.push(textBlock(l.answeredBy(recorded.by, recorded.at), { size: "Small", isSubtle: true }));
  return adaptiveCard(body, { fallbackText: renderPart({ kind: "recorded", recorded }, lang) });
}
