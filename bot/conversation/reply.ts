import type { Lang } from "../../knowledge/clause.js";
import type { CheckResult } from "../../knowledge/index.js";
import type { Answer, CaseCitation, Citation } from "../answer/answer.js";
import type { FeedbackReason } from "../assessment/store.js";

/**
 * What the engine says back, channel-agnostic. Channels render each part in their own way
 * (Block Kit, Adaptive Cards, terminal text); `renderReplyText` gives the plain text.
 * Buttons are implied by the part: an item has 是/否/不適用, 補充說明, 為什麼, 跳過, 上一題,
 * 暫停; an answer has 👍/👎; a list has one choice per entry. Clicking one sends the
 * corresponding TurnAction (see turn.ts); typing the same command works too.
 */
export interface ItemView {
  assessmentId: string;
  /** e.g. 個資安全維護計畫自評表 · 電商事業部 */
  assessmentLabel: string;
  checklistId: string;
  checklistVersion: string;
  itemId: string;
  /** 1-based position in the checklist, and the number of items. */
  position: number;
  total: number;
  answered: number;
  section: string;
  /** 查核項目 */
  item: string;
  /** 查核內容: the yes/no question. */
  question: string;
  /** 提出佐證證明或說明: what evidence fits. */
  evidence: string[];
  /** The answer already on record, when the user went back to this item. */
  current?: { result: CheckResult; resultLabel: string; note?: string; by: string; at: string };
}

export interface RecordedView {
  assessmentId: string;
  itemId: string;
  position: number;
  total: number;
  item: string;
  question: string;
  result: CheckResult;
  /** 是 / 否 / 不適用, or Yes / No / N/A. */
  resultLabel: string;
  note?: string;
  /** Kinds of personal data masked in the note (national ID, phone ...), in the reply language. */
  masked: string[];
  by: string;
  at: string;
  /** For 否: what to do about it. */
  remediation?: string;
}

export interface WhyView {
  assessmentId: string;
  itemId: string;
  item: string;
  guidance: string;
  citations: Citation[];
  cases: CaseCitation[];
  /** The reference as an older form printed it, and a note that it was replaced. */
  legacyReference?: string;
}

export interface StatusView {
  assessmentId: string;
  label: string;
  checklistTitle: string;
  checklistVersion: string;
  status: "active" | "paused" | "completed";
  answered: number;
  total: number;
  counts: Record<CheckResult, number>;
  bySection: Array<{ section: string; answered: number; total: number; no: number }>;
  /** Items still without an answer, in order (ids). */
  open: string[];
  shared: boolean;
}

export interface ChecklistOption {
  id: string;
  title: string;
  description: string;
  version: string;
  items: number;
}

export interface AssessmentOption {
  id: string;
  label: string;
  checklistTitle: string;
  answered: number;
  total: number;
  status: "active" | "paused" | "completed";
  updatedAt: string;
  shared: boolean;
  /** Whether the asking user owns it (otherwise it is shared with their team). */
  owned: boolean;
}

export type ReplyPart =
  /** A cited answer; `questionId` identifies it for 👍 / 👎. */
  | { kind: "answer"; answer: Answer; questionId: string }
  | { kind: "item"; item: ItemView }
  | { kind: "recorded"; recorded: RecordedView }
  | { kind: "why"; why: WhyView }
  | { kind: "status"; status: StatusView }
  | { kind: "checklists"; checklists: ChecklistOption[] }
  | { kind: "assessments"; assessments: AssessmentOption[] }
  /** The channel should deliver the report of this assessment (xlsx where it can). */
  | { kind: "report"; assessmentId: string; label: string }
  | { kind: "notice"; text: string; tone: "info" | "warning" | "error" }
  /** After 👎: what was wrong? Each option sends the feedback action again with its reason. */
  | { kind: "feedback_reasons"; questionId: string; prompt: string; options: Array<{ reason: FeedbackReason; label: string }> };

export interface Reply {
  lang: Lang;
  parts: ReplyPart[];
  /** True when this turn was recorded before and the stored reply is returned again. */
  duplicate?: boolean;
  /**
   * With `duplicate`: whether the channel marked the first reply delivered (Engine.markDelivered).
   * A duplicate not delivered is sent again (its first delivery failed); a delivered one is not.
   */
  delivered?: boolean;
  /** With `duplicate`: when the first reply was recorded (ISO). */
  recordedAt?: string;
}
