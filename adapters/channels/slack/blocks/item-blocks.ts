import type { ItemView, RecordedView } from "../../../../bot/index.js";
import type { Lang } from "../../../../knowledge/index.js";
import { ACTION_PREFIX, encodeButton, turnButton } from "../button-value.js";
import { slackTexts } from "../texts.js";
import { actions, type Block, button, context, escapeText, header, section, who } from "./mrkdwn.js";

/**
 * An assessment item as its own message: 是 / 否 / 不適用, 補充說明 (a modal), and 為什麼 /
 * 跳過 / 上一題 / 暫停. Once answered, the message is replaced by `recordedBlocks`.
 */
export function itemBlocks(item: ItemView, lang: Lang): Block[] {
  const t = slackTexts(lang);
  const answer = (result: "yes" | "no" | "na") => turnButton({ type: "answer", assessmentId: item.assessmentId, itemId: item.itemId, result }, lang);
  const command = (command: "why" | "skip" | "back" | "pause") => turnButton({ type: "command", command, assessmentId: item.assessmentId }, lang, item.itemId);
  const blocks: Block[] = [
    header(t.item(item.position, item.total, item.section)),
    context(escapeText(t.progress(item.assessmentLabel, item.assessmentId, item.answered, item.total))),
    section(`*${escapeText(item.itemId)} ${escapeText(item.item)}*\n${escapeText(item.question)}`),
  ];
  if (item.evidence.length > 0) blocks.push(context(`${t.evidence}：${escapeText(item.evidence.join(lang === "en" ? "; " : "、"))}`));
  if (item.current) {
    const note = item.current.note ? (lang === "en" ? ` — ${escapeText(item.current.note)}` : `——${escapeText(item.current.note)}`) : "";
    blocks.push(context(`${t.current(escapeText(item.current.resultLabel), who(item.current.by))}${note}`));
  }
  blocks.push(
    actions([
      button(`${ACTION_PREFIX}answer:yes`, t.yes, answer("yes"), "primary"),
      button(`${ACTION_PREFIX}answer:no`, t.no, answer("no")),
      button(`${ACTION_PREFIX}answer:na`, t.na, answer("na")),
      button(
        `${ACTION_PREFIX}note`,
        t.note,
        encodeButton({ k: "note", assessmentId: item.assessmentId, itemId: item.itemId, answered: Boolean(item.current), l: lang }),
      ),
    ]),
    actions([
      button(`${ACTION_PREFIX}why`, t.why, command("why")),
      button(`${ACTION_PREFIX}skip`, t.skip, command("skip")),
      button(`${ACTION_PREFIX}back`, t.back, command("back")),
      button(`${ACTION_PREFIX}pause`, t.pause, command("pause")),
    ]),
  );
  return blocks;
}

/** What was recorded for an item, without buttons: the item message after it is answered. */
export function recordedBlocks(recorded: RecordedView, lang: Lang): Block[] {
  const t = slackTexts(lang);
  const blocks: Block[] = [
    section(t.recorded(recorded.position, recorded.total, escapeText(recorded.resultLabel))),
    section(`*${escapeText(recorded.itemId)} ${escapeText(recorded.item)}*\n${escapeText(recorded.question)}`),
  ];
  if (recorded.note) blocks.push(context(`${t.evidenceNote}：${escapeText(recorded.note)}`));
  if (recorded.remediation) blocks.push(section(`*${t.remediation}*：${escapeText(recorded.remediation)}`));
  blocks.push(context(t.answeredBy(who(recorded.by), slackDate(recorded.at))));
  return blocks;
}

/** An item message that is no longer current: its text stays, its buttons go, one line says what happened. */
export function closedItemBlocks(original: Block[], outcome: string): Block[] {
  return [...original.filter((block) => block.type !== "actions"), context(escapeText(outcome))];
}

/** A time shown in each reader's own time zone (https://docs.slack.dev/messaging/formatting-message-text#date-formatting). */
export function slackDate(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return Number.isFinite(seconds) ? `<!date^${seconds}^{date_num} {time}|${escapeText(iso)}>` : escapeText(iso);
}
