import type { types } from "@slack/bolt";
import { type Citation, SOURCE_LINE, statusLabel } from "../../../../bot/index.js";
import type { Lang } from "../../../../knowledge/index.js";
import { ACTION_PREFIX } from "../button-value.js";
import { slackTexts } from "../texts.js";
import { cut, LIMITS, splitText } from "./limits.js";
import { type Block, context, escapeText, header, link, section } from "./mrkdwn.js";

type ModalView = types.ModalView;

/** callback_id of the evidence-note modal. */
export const NOTE_CALLBACK_ID = `${ACTION_PREFIX}note`;
export const NOTE_BLOCK = "note";
export const RESULT_BLOCK = "result";

/** Where a note modal was opened from, carried through views.open in private_metadata. */
interface NoteOrigin {
  assessmentId: string;
  itemId: string;
  lang: Lang;
  /** The item message (channel and ts) to update once the answer is recorded. */
  channel?: string;
  ts?: string;
  threadTs?: string;
  teamId?: string;
}

/** The whole clause in a modal, split into sections of at most 3000 characters. */
export function clauseModal(citation: Citation, lang: Lang): ModalView {
  const t = slackTexts(lang);
  const status = statusLabel(citation.status, lang);
  const blocks: Block[] = [header(citation.label), context(`${escapeText(status)} · ${escapeText(t.asOf(citation.asOf))}`)];
  const room = LIMITS.viewBlocks - blocks.length - 3;
  const pieces = splitText(citation.articleText, LIMITS.sectionText - 50);
  for (const piece of pieces.slice(0, room)) blocks.push(section(escapeText(piece)));
  if (pieces.length > room) blocks.push(context(t.clauseTooLong));
  if (citation.status === "repealed") {
    blocks.push(
      section(escapeText(t.repealed(citation.successor?.repealedOn ?? citation.asOf, citation.successor?.labels.join(lang === "en" ? ", " : "、") ?? ""))),
    );
  }
  blocks.push(context(`${SOURCE_LINE[lang]} · ${link(citation.url, t.openOfficial)}`));
  return modal(t.clauseModalTitle, t.close, blocks);
}

/** When the clause is not at hand (e.g. after a restart): its label and the official link. */
export function clauseLinkModal(label: string, url: string, lang: Lang): ModalView {
  const t = slackTexts(lang);
  return modal(t.clauseModalTitle, t.close, [header(label), section(t.clauseUnavailable), context(`${SOURCE_LINE[lang]} · ${link(url, t.openOfficial)}`)]);
}

/**
 * The 補充說明 modal: the note and the result, the result required while the item has no
 * answer (the engine keeps a note only with an answer). `itemMrkdwn` is already escaped
 * (taken from the item message).
 */
export function noteModal(origin: NoteOrigin, itemMrkdwn: string, answered: boolean): ModalView {
  const t = slackTexts(origin.lang);
  const blocks: Block[] = [section(itemMrkdwn)];
  const option = (value: "yes" | "no" | "na", label: string) => ({ value, text: { type: "plain_text" as const, text: cut(label, LIMITS.optionText) } });
  blocks.push({
    type: "input",
    block_id: RESULT_BLOCK,
    // Required until the item has an answer; afterwards the note alone may change.
    optional: answered,
    label: { type: "plain_text", text: t.resultLabel },
    element: { type: "radio_buttons", action_id: "value", options: [option("yes", t.yes), option("no", t.no), option("na", t.na)] },
  });
  blocks.push({
    type: "input",
    block_id: NOTE_BLOCK,
    label: { type: "plain_text", text: cut(t.noteLabel, LIMITS.inputLabel) },
    element: {
      type: "plain_text_input",
      action_id: "value",
      multiline: true,
      max_length: 2000,
      placeholder: { type: "plain_text", text: cut(t.notePlaceholder, 150) },
    },
  });
  return {
    ...modal(t.noteModalTitle, t.cancel, blocks),
    callback_id: NOTE_CALLBACK_ID,
    submit: { type: "plain_text", text: cut(t.noteModalSubmit, LIMITS.modalTitle) },
    // A few ids: far below the 3000-character limit of private_metadata.
    private_metadata: JSON.stringify(origin),
  };
}

function modal(title: string, close: string, blocks: Block[]): ModalView {
  return {
    type: "modal",
    title: { type: "plain_text", text: cut(title, LIMITS.modalTitle) },
    close: { type: "plain_text", text: cut(close, LIMITS.modalTitle) },
    blocks,
  };
}
