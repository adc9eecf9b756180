import { type Block, escapeText, section } from "./mrkdwn.js";

const TONE = { info: "", warning: "⚠️ ", error: "❗ " } as const;

/** A notice from the engine (help, confirmations, warnings) as one section. */
export function noticeBlocks(text: string, tone: "info" | "warning" | "error"): Block[] {
  return [section(`${TONE[tone]}${escapeText(text)}`)];
}
