import type { Lang } from "../../knowledge/clause.js";
import type { FeedbackReason } from "../assessment/store.js";

/** Where a turn came from. */
export type ChannelName = "cli" | "slack" | "teams" | "web";

/** Commands a user can type or click at any point. */
export const COMMANDS = [
  "help",
  "start",
  "checklists",
  "assessments",
  "resume",
  "pause",
  "skip",
  "back",
  "status",
  "why",
  "report",
  "share",
  "quit",
  "changes",
] as const;
export type Command = (typeof COMMANDS)[number];

/** A button click or form submission, already decoded by the channel adapter. */
export type TurnAction =
  /** 是 / 否 / 不適用 on an item card; `note` when the card had an evidence input. */
  | { type: "answer"; assessmentId: string; itemId: string; result: "yes" | "no" | "na"; note?: string }
  /** The evidence note from a modal or input field (補充說明). */
  | { type: "note"; assessmentId: string; itemId: string; note: string }
  /** 為什麼 / 跳過 / 上一題 / 暫停 / 進度 / 報告 ... as a button. */
  | { type: "command"; command: Command; assessmentId?: string }
  /** Start a checklist chosen from a list. */
  | { type: "start"; checklistId: string }
  /** Resume (or join, when shared with the user's team) an assessment chosen from a list. */
  | { type: "resume"; assessmentId: string }
  /** `/compliance assess [name or code]`: the engine resumes the named or open assessment, or starts the named checklist. */
  | { type: "assess"; name?: string }
  /** 👍 / 👎 on an answer; after 👎, the reason the user picked. */
  | { type: "feedback"; questionId: string; value: "up" | "down"; reason?: FeedbackReason };

/** One user message or click, channel-agnostic. */
export interface Turn {
  channel: ChannelName;
  userId: string;
  userName?: string;
  /** The chat or thread the turn belongs to; assessment state is kept per user and conversation. */
  conversationId: string;
  /** A team or workspace the user belongs to, for assessments shared with a team. */
  teamId?: string;
  /** Unique per delivery target: platforms retry with the same id, and the engine answers it once. */
  messageId: string;
  text?: string;
  action?: TurnAction;
  /** Language of the user interface when the turn has no text (a click); detected from text otherwise. */
  lang?: Lang;
}
