import type { Lang } from "../../knowledge/clause.js";
import type { CheckResult } from "../../knowledge/index.js";
import type { AnswerGeneration } from "../answer/grounded/generation.js";
import type { Reply } from "../conversation/reply.js";
import type { ChannelName } from "../conversation/turn.js";

/**
 * The answer log port, implemented on SQLite and on PostgreSQL in adapters/store. Every
 * write of a turn goes through `commit`, which is atomic and idempotent on (channel,
 * messageId). Events, questions and feedback are append-only and hash-chained, so an
 * edited, deleted or reordered record is detected by `verifyChain`.
 */
export type AssessmentStatus = "active" | "paused" | "completed";

export interface AssessmentRecord {
  id: string;
  checklistId: string;
  checklistVersion: string;
  label: string;
  ownerId: string;
  ownerName?: string;
  channel: ChannelName;
  /** Team or workspace the assessment is shared with (anyone in it may answer). */
  sharedWith?: string;
  status: AssessmentStatus;
  createdAt: string;
  updatedAt: string;
}

/** A note added to an answered item with 「備註：…」; notes are appended, never replaced. */
export interface AddedNote {
  /** Personal data masked. */
  text: string;
  userId: string;
  userName?: string;
  at: string;
}

/** The latest answer to one item of one assessment. */
export interface ResponseRecord {
  assessmentId: string;
  itemId: string;
  result: CheckResult;
  /** Evidence note given with the answer, personal data masked. */
  note?: string;
  /** Notes added afterwards, oldest first. */
  notes?: AddedNote[];
  userId: string;
  userName?: string;
  channel: ChannelName;
  answeredAt: string;
  checklistVersion: string;
  clauseIds: string[];
  /** Corpus version (open-data UpdateDate) in use when the item was answered; absent before any sync. */
  corpusVersion?: string;
}

/** Where a user is in a conversation: the assessment they work on and the item in front of them. */
export interface SessionRecord {
  channel: ChannelName;
  userId: string;
  conversationId: string;
  assessmentId?: string;
  itemId?: string;
  /** Items answered or skipped in this session, most recent last ("上一題" walks back through them). */
  trail: string[];
  /** What the last reply asked the user to choose, so "1" or "2" can answer it. */
  pending?: { kind: "checklist" | "assessment"; options: string[] };
  /** Article ids of the last answer in this conversation, for follow-ups ("那第2項呢？"). */
  context?: string[];
  lang: Lang;
  /**
   * The language of the assessment in this conversation, set when it is started or resumed:
   * its items keep coming in it when the user answers in another language.
   */
  assessmentLang?: Lang;
  updatedAt: string;
}

export type EventType = "created" | "answered" | "noted" | "skipped" | "paused" | "resumed" | "completed" | "reopened" | "shared" | "joined";

/** One entry of the append-only history of an assessment. */
export interface AssessmentEvent {
  assessmentId: string;
  type: EventType;
  itemId?: string;
  result?: CheckResult;
  note?: string;
  userId: string;
  channel: ChannelName;
  messageId: string;
  at: string;
}

/** A question answered by the bot, kept with its citations for feedback and audit. */
export interface QuestionRecord {
  id: string;
  channel: ChannelName;
  userId: string;
  conversationId: string;
  messageId: string;
  /** The question with personal data masked. */
  question: string;
  lang: Lang;
  abstained: boolean;
  citationIds: string[];
  askedAt: string;
  /**
   * With a model configured: offline or model answer, provider and model, the clause ids
   * shown to the model, sentences kept and dropped, and why the offline answer was given.
   */
  generation?: AnswerGeneration;
  /** Corpus version in use when the question was answered; absent before any sync. */
  corpusVersion?: string;
  /** Citation id -> corpus version of the text it quoted (differs from corpusVersion for a text in force before an amendment). */
  citationVersions?: Record<string, string>;
}

/** Why an answer got 👎, offered after the click. */
export const FEEDBACK_REASONS = ["wrong_clause", "outdated", "not_answered", "other"] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

export interface FeedbackRecord {
  questionId: string;
  userId: string;
  channel: ChannelName;
  value: "up" | "down";
  /** For 👎, the reason when the user chose one (a second record after the first click). */
  reason?: FeedbackReason;
  /** The question's citation ids at the time of the feedback. */
  citationIds?: string[];
  at: string;
}

/** Everything one turn changes, written at once. */
export interface TurnWrite {
  channel: ChannelName;
  messageId: string;
  reply: Reply;
  /**
   * The `updatedAt` of the session this turn started from (null: there was none). When set,
   * the commit fails with STORE_CONFLICT if another process changed the session meanwhile,
   * so two replicas never both act on the same item of one conversation.
   */
  sessionBase?: string | null;
  assessments?: AssessmentRecord[];
  responses?: ResponseRecord[];
  sessions?: SessionRecord[];
  events?: AssessmentEvent[];
  questions?: QuestionRecord[];
  feedback?: FeedbackRecord[];
}

/** The newest record of the tamper-evident chain (sequence 0 and the genesis hash when empty). */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** The outcome of checking the whole chain; `broken` names the first record that fails. */
export interface ChainVerification {
  ok: boolean;
  records: number;
  head: ChainHead;
  broken?: { seq: number; record: string; reason: string };
}

/** A recorded turn: the reply it gave, and whether that reply reached the user. */
export interface ProcessedTurn {
  reply: Reply;
  delivered: boolean;
  /** When the turn was recorded (ISO): a young undelivered reply may still be on its way from another process. */
  recordedAt: string;
}

export interface AssessmentStore {
  /** The reply already recorded for this delivery, if any, and whether the channel has marked it delivered. */
  processed(channel: ChannelName, messageId: string): Promise<ProcessedTurn | undefined>;
  /**
   * Writes a turn atomically; when the delivery was processed meanwhile, writes nothing and
   * returns the earlier reply (`duplicate: true`, with its `delivered` mark).
   */
  commit(write: TurnWrite): Promise<{ duplicate: boolean } & ProcessedTurn>;
  /** Marks the recorded reply of this delivery as having reached the user; a no-op when none is recorded. */
  markDelivered(channel: ChannelName, messageId: string): Promise<void>;
  session(channel: ChannelName, userId: string, conversationId: string): Promise<SessionRecord | undefined>;
  assessment(id: string): Promise<AssessmentRecord | undefined>;
  /** Assessments the user owns or that are shared with their team, newest first. */
  assessmentsFor(userId: string, teamId?: string): Promise<AssessmentRecord[]>;
  responses(assessmentId: string): Promise<ResponseRecord[]>;
  events(assessmentId: string): Promise<AssessmentEvent[]>;
  question(id: string): Promise<QuestionRecord | undefined>;
  feedback(questionId: string): Promise<FeedbackRecord[]>;
  /** The head of the hash chain over every event, question and feedback. */
  chainHead(): Promise<ChainHead>;
  /** Recomputes the whole chain from the stored rows. */
  verifyChain(): Promise<ChainVerification>;
  /** Questions whose citations include a clause of one of these regulations (impact of a change), oldest first. */
  questionsCiting(pcodes: string[]): Promise<QuestionRecord[]>;
  /** Latest item responses whose clause ids include a clause of one of these regulations. */
  responsesCiting(pcodes: string[]): Promise<ResponseRecord[]>;
  close(): Promise<void>;
}
