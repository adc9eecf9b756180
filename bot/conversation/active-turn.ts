import type { Lang } from "../../knowledge/clause.js";
import type { ArticleHistory, Checklist, KnowledgeSource } from "../../knowledge/index.js";
import { mayOpen, shareKeyOf } from "../assessment/access.js";
import type { AssessmentEvent, AssessmentRecord, AssessmentStore, FeedbackRecord, QuestionRecord, ResponseRecord, SessionRecord } from "../assessment/store.js";
import type { Assistant } from "../assistant.js";
import type { Clock, Logger } from "../ports.js";
import type { TurnHooks } from "./engine.js";
import type { ReplyPart } from "./reply.js";
import type { Turn } from "./turn.js";

export interface EngineDeps {
  assistant: Assistant;
  knowledge: KnowledgeSource;
  store: AssessmentStore;
  logger: Logger;
  /** The time stamped on every record of a turn (answers, events, reports). */
  clock: Clock;
  /** Article versions and change reports of synced corpora; absent when the corpus was never synced. */
  history?: ArticleHistory;
  /** PCODEs that apply to the askers (SCOPE, or the knowledge base's default): 「法規更新」 lists these. */
  scope?: string[];
}

/**
 * One turn in progress: what was read, the reply being built, and every write to commit
 * at the end in one transaction.
 */
export class ActiveTurn {
  readonly parts: ReplyPart[] = [];
  readonly assessments = new Map<string, AssessmentRecord>();
  readonly responses: ResponseRecord[] = [];
  readonly events: AssessmentEvent[] = [];
  readonly questions: QuestionRecord[] = [];
  readonly feedback: FeedbackRecord[] = [];
  /** What the channel shows meanwhile (a working state while a model writes). */
  hooks: TurnHooks = {};

  constructor(
    readonly deps: EngineDeps,
    readonly turn: Turn,
    readonly lang: Lang,
    readonly now: string,
    public session: SessionRecord,
  ) {}

  /** Who may see an assessment shared "with the team": the team, or the conversation when there is none. */
  get shareKey(): string {
    return shareKeyOf(this.turn) ?? `${this.turn.channel}:${this.turn.conversationId}`;
  }

  say(part: ReplyPart): void {
    this.parts.push(part);
  }

  notice(text: string, tone: "info" | "warning" | "error" = "info"): void {
    this.parts.push({ kind: "notice", text, tone });
  }

  event(assessmentId: string, type: AssessmentEvent["type"], extra: Partial<AssessmentEvent> = {}): void {
    this.events.push({ assessmentId, type, userId: this.turn.userId, channel: this.turn.channel, messageId: this.turn.messageId, at: this.now, ...extra });
  }

  /** Saves an assessment change (kept in memory until commit, so later reads in the turn see it). */
  saveAssessment(assessment: AssessmentRecord): AssessmentRecord {
    const updated = { ...assessment, updatedAt: this.now };
    this.assessments.set(updated.id, updated);
    return updated;
  }

  async assessment(id: string): Promise<AssessmentRecord | undefined> {
    return this.assessments.get(id) ?? (await this.deps.store.assessment(id));
  }

  /** Stored responses plus the ones written earlier in this turn. */
  async responsesOf(assessmentId: string): Promise<ResponseRecord[]> {
    const stored = await this.deps.store.responses(assessmentId);
    return [...stored, ...this.responses.filter((r) => r.assessmentId === assessmentId)];
  }

  checklistOf(assessment: AssessmentRecord): Checklist | undefined {
    return this.deps.knowledge.checklist(assessment.checklistId);
  }

  /** The owner, or anyone the assessment is shared with. */
  canOpen(assessment: AssessmentRecord): boolean {
    return mayOpen(assessment, this.turn.userId, this.shareKey);
  }
}
