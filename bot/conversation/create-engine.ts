import { ErrorCodes, isAppError } from "../../knowledge/errors.js";
import { mayOpen, shareKeyOf } from "../assessment/access.js";
import { buildReport } from "../assessment/build-report.js";
import { parseAnswer } from "../assessment/parse-answer.js";
import type { SessionRecord } from "../assessment/store.js";
import { assessmentOption, checklistOption } from "../assessment/views.js";
import { charCount, INPUT_LIMITS } from "../limits.js";
import { ActiveTurn, type EngineDeps } from "./active-turn.js";
import { askQuestion, looksLikeQuestion } from "./ask-question.js";
import { listChecklists, recordAnswer, recordNote, showItem, startChecklist } from "./assessment-flow.js";
import { cleanTurn } from "./clean-text.js";
import { assessCommand, currentItem, openItem, resolvePending, runCommand } from "./commands.js";
import type { Engine, TurnHooks } from "./engine.js";
import { recordFeedback } from "./feedback.js";
import { createKeyedQueue } from "./keyed-queue.js";
import { messages } from "./messages.js";
import { parseCommand } from "./parse-command.js";
import type { Reply } from "./reply.js";
import type { Turn, TurnAction } from "./turn.js";
import { turnLanguage } from "./turn-language.js";

/** A turn that lost a race with another replica three times in a row is reported as a failure. */
const MAX_ATTEMPTS = 3;
const NOTE_PREFIX = /^(備註|補充|補充說明|佐證|說明|note|evidence)\s*[:：]\s*/i;
/** Creates the conversation engine: questions with citations and guided self-assessments, for every channel. */
export function createEngine(deps: EngineDeps): Engine {
  const lock = createKeyedQueue();
  const now = () => deps.clock.now();

  async function handle(received: Turn, hooks: TurnHooks = {}): Promise<Reply> {
    // Control characters never reach the log, the store, a report or a terminal.
    const turn = cleanTurn(received);
    const earlier = await deps.store.processed(turn.channel, turn.messageId);
    if (earlier) return { ...earlier.reply, duplicate: true, delivered: earlier.delivered, recordedAt: earlier.recordedAt };
    return lock(`${turn.channel}|${turn.userId}|${turn.conversationId}`, async () => {
      // The lock serialises a conversation within this process; across replicas the commit
      // compares the session version, and a turn that lost the race runs again on the new state.
      for (let attempt = 1; ; attempt++) {
        try {
          return await run(turn, hooks);
        } catch (error) {
          if (!isAppError(error, ErrorCodes.STORE_CONFLICT) || attempt >= MAX_ATTEMPTS) throw error;
          deps.logger.info({ channel: turn.channel, message: turn.messageId, attempt }, "turn raced another process; running it again");
        }
      }
    });
  }

  async function run(turn: Turn, hooks: TurnHooks): Promise<Reply> {
    const again = await deps.store.processed(turn.channel, turn.messageId);
    if (again) return { ...again.reply, duplicate: true, delivered: again.delivered, recordedAt: again.recordedAt };
    const started = performance.now();
    const stored = await deps.store.session(turn.channel, turn.userId, turn.conversationId);
    const lang = turnLanguage(turn, stored);
    const session: SessionRecord = stored
      ? { ...stored, lang }
      : { channel: turn.channel, userId: turn.userId, conversationId: turn.conversationId, trail: [], lang, updatedAt: now().toISOString() };
    const ctx = new ActiveTurn(deps, turn, lang, now().toISOString(), session);
    ctx.hooks = hooks;
    if (turn.action) await onAction(ctx, turn.action);
    else await onText(ctx, turn.text?.trim() ?? "");
    // The answer log keeps the corpus version every answer and response was given against.
    const corpusVersion = deps.history?.currentVersion();
    if (corpusVersion) {
      for (const r of ctx.responses) r.corpusVersion ??= corpusVersion;
      for (const q of ctx.questions) q.corpusVersion ??= corpusVersion;
    }
    const result = await deps.store.commit({
      channel: turn.channel,
      messageId: turn.messageId,
      reply: { lang, parts: ctx.parts },
      sessionBase: stored?.updatedAt ?? null,
      assessments: [...ctx.assessments.values()],
      responses: ctx.responses,
      sessions: [{ ...ctx.session, updatedAt: ctx.now }],
      events: ctx.events,
      questions: ctx.questions,
      feedback: ctx.feedback,
    });
    deps.logger.info(
      {
        channel: turn.channel,
        user: turn.userId,
        conversation: turn.conversationId,
        message: turn.messageId,
        parts: ctx.parts.map((p) => p.kind),
        citations: ctx.questions.flatMap((q) => q.citationIds),
        // offline | model | offline:timeout ... when a model is configured.
        answers: ctx.questions.flatMap((q) =>
          q.generation ? [`${q.generation.mode}${q.generation.fallbackReason ? `:${q.generation.fallbackReason}` : ""}`] : [],
        ),
        events: ctx.events.map((e) => `${e.type}${e.itemId ? `:${e.itemId}` : ""}`),
        duplicate: result.duplicate,
        ms: Math.round(performance.now() - started),
      },
      "turn handled",
    );
    return result.duplicate ? { ...result.reply, duplicate: true, delivered: result.delivered, recordedAt: result.recordedAt } : result.reply;
  }

  async function onAction(ctx: ActiveTurn, action: TurnAction): Promise<void> {
    switch (action.type) {
      case "answer":
      case "note": {
        const found = await openItem(ctx, action.assessmentId, action.itemId);
        if (!found) return;
        if (action.type === "answer") await recordAnswer(ctx, found.assessment, found.checklist, found.item, action.result, action.note);
        else await recordNote(ctx, found.assessment, found.checklist, found.item, action.note);
        return;
      }
      case "command":
        return runCommand(ctx, action.command, action.assessmentId);
      case "start": {
        const checklist = deps.knowledge.checklist(action.checklistId);
        if (!checklist) return listChecklists(ctx);
        return startChecklist(ctx, checklist);
      }
      case "resume":
        return runCommand(ctx, "resume", action.assessmentId);
      case "assess":
        return assessCommand(ctx, action.name);
      case "feedback": {
        const question = await deps.store.question(action.questionId);
        if (!question) return ctx.notice(messages(ctx.lang).feedbackUnknown, "warning");
        return recordFeedback(ctx, question, action);
      }
    }
  }

  async function onText(ctx: ActiveTurn, text: string): Promise<void> {
    const m = messages(ctx.lang);
    if (text === "") return ctx.notice(m.help);
    const chars = charCount(text);
    if (chars > INPUT_LIMITS.question) return ctx.notice(m.tooLong(chars, INPUT_LIMITS.question), "warning");
    if (await resolvePending(ctx, text)) return;
    const command = parseCommand(text);
    if (command) return runCommand(ctx, command.command, command.argument);
    const current = await currentItem(ctx);
    if (current) {
      const note = NOTE_PREFIX.exec(text);
      if (note) {
        const last = ctx.session.trail.at(-1);
        const item = current.checklist.items.find((i) => i.id === last) ?? current.item;
        return recordNote(ctx, current.assessment, current.checklist, item, text.slice(note[0].length));
      }
      const parsed = looksLikeQuestion(text) ? ({ kind: "none" } as const) : parseAnswer(text);
      if (parsed.kind === "answer") return recordAnswer(ctx, current.assessment, current.checklist, current.item, parsed.result, parsed.note);
      if (parsed.kind === "ambiguous") {
        ctx.notice(m.ambiguous, "warning");
        return showItem(ctx, current.assessment, current.checklist, current.item.id);
      }
    }
    await askQuestion(ctx, text, current?.item.clauses);
    if (current) ctx.notice(m.stillInAssessment(current.checklist.items.indexOf(current.item) + 1, current.checklist.items.length));
  }

  return {
    handle,
    markDelivered: (turn) => deps.store.markDelivered(turn.channel, turn.messageId),
    async assessments(viewer, lang) {
      const records = await deps.store.assessmentsFor(viewer.userId, shareKeyOf(viewer));
      return Promise.all(
        records.map(async (a) => assessmentOption(a, deps.knowledge.checklist(a.checklistId), await deps.store.responses(a.id), viewer.userId, lang)),
      );
    },
    async report(assessmentId, lang, viewer) {
      const assessment = await deps.store.assessment(assessmentId.toUpperCase());
      const checklist = assessment && deps.knowledge.checklist(assessment.checklistId);
      if (!assessment || !checklist) return undefined;
      if (viewer && !mayOpen(assessment, viewer.userId, shareKeyOf(viewer))) return undefined;
      const responses = await deps.store.responses(assessment.id);
      // Read after the responses: every record the report reflects is at or before this head.
      const head = await deps.store.chainHead();
      return buildReport(assessment, checklist, responses, deps.knowledge, lang, now().toISOString(), head, deps.history?.changes() ?? []);
    },
    checklists: (lang) => deps.knowledge.checklists().map((c) => checklistOption(c, lang)),
  };
}
