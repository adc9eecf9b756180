import type { Checklist } from "../../knowledge/index.js";
import { buildReport } from "../assessment/build-report.js";
import { parseAnswer } from "../assessment/parse-answer.js";
import type { AssessmentRecord, SessionRecord } from "../assessment/store.js";
import { assessmentOption, checklistOption, displayLabel } from "../assessment/views.js";
import type { Lang } from "../clause.js";
import { detectLang } from "../language.js";
import { maskPersonalData, personalDataLabel } from "../privacy/mask-personal-data.js";
import {
  back,
  findChecklist,
  listAssessments,
  listChecklists,
  pause,
  recordAnswer,
  recordNote,
  resume,
  share,
  showItem,
  showNext,
  skip,
  startChecklist,
  status,
  why,
} from "./assessment-flow.js";
import type { Engine } from "./engine.js";
import { newId } from "./ids.js";
import { createKeyedLock } from "./keyed-lock.js";
import { messages } from "./messages.js";
import { parseCommand } from "./parse-command.js";
import type { Reply } from "./reply.js";
import type { Command, Turn, TurnAction } from "./turn.js";
import { type EngineDeps, TurnContext } from "./turn-context.js";

const NOTE_PREFIX = /^(備註|補充|補充說明|佐證|說明|note|evidence)\s*[:：]\s*/i;
// A question in the middle of an assessment is answered, not read as 是/否: "這題的委外是指什麼？"
const QUESTION = /[?？]\s*$|嗎|什麼|甚麼|怎麼|如何|哪些|哪裡|哪個|為何|請問|是否|^(what|how|why|which|when|where|who|can|could|does|do|is|are|should|must)\b/i;

/** Ends with a question mark, or its first clause asks ("有嗎", "what does ..."); "有，但是否…" is an answer. */
function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  const head = trimmed.split(/[，,。.;；:：！!\n]/)[0] ?? trimmed;
  return /[?？]\s*$/.test(trimmed) || QUESTION.test(head);
}

/** Creates the conversation engine: questions with citations and guided self-assessments, for every channel. */
export function createEngine(deps: EngineDeps): Engine {
  const lock = createKeyedLock();
  const now = deps.now ?? (() => new Date());

  async function handle(turn: Turn): Promise<Reply> {
    const earlier = await deps.store.processed(turn.channel, turn.messageId);
    if (earlier) return { ...earlier, duplicate: true };
    return lock(`${turn.channel}|${turn.userId}|${turn.conversationId}`, async () => {
      const again = await deps.store.processed(turn.channel, turn.messageId);
      if (again) return { ...again, duplicate: true };
      const started = performance.now();
      const stored = await deps.store.session(turn.channel, turn.userId, turn.conversationId);
      const lang: Lang = turn.text?.trim() ? detectLang(turn.text) : (turn.lang ?? stored?.lang ?? "zh");
      const session: SessionRecord = stored
        ? { ...stored, lang }
        : { channel: turn.channel, userId: turn.userId, conversationId: turn.conversationId, trail: [], lang, updatedAt: now().toISOString() };
      const ctx = new TurnContext(deps, turn, lang, now().toISOString(), session);
      if (turn.action) await onAction(ctx, turn.action);
      else await onText(ctx, turn.text?.trim() ?? "");
      const result = await deps.store.commit({
        channel: turn.channel,
        messageId: turn.messageId,
        reply: { lang, parts: ctx.parts },
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
          events: ctx.events.map((e) => `${e.type}${e.itemId ? `:${e.itemId}` : ""}`),
          duplicate: result.duplicate,
          ms: Math.round(performance.now() - started),
        },
        "turn handled",
      );
      return result.duplicate ? { ...result.reply, duplicate: true } : result.reply;
    });
  }

  async function onAction(ctx: TurnContext, action: TurnAction): Promise<void> {
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
      case "feedback": {
        const question = await deps.store.question(action.questionId);
        if (!question) return ctx.notice(messages(ctx.lang).feedbackUnknown, "warning");
        ctx.feedback.push({ questionId: question.id, userId: ctx.turn.userId, channel: ctx.turn.channel, value: action.value, at: ctx.now });
        return ctx.notice(messages(ctx.lang).feedbackThanks);
      }
    }
  }

  async function onText(ctx: TurnContext, text: string): Promise<void> {
    const m = messages(ctx.lang);
    if (text === "") return ctx.notice(m.help);
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

  async function askQuestion(ctx: TurnContext, text: string, itemClauses?: string[]): Promise<void> {
    const context = itemClauses ? itemClauses.map((id) => id.split(":").slice(0, 2).join(":")) : ctx.session.context;
    const answer = await deps.assistant.ask(text, { lang: ctx.lang, ...(context?.length ? { context } : {}) });
    const masked = maskPersonalData(text, ctx.lang);
    const questionId = newId("q");
    ctx.questions.push({
      id: questionId,
      channel: ctx.turn.channel,
      userId: ctx.turn.userId,
      conversationId: ctx.turn.conversationId,
      messageId: ctx.turn.messageId,
      question: masked.text,
      lang: ctx.lang,
      abstained: answer.abstained,
      citationIds: answer.citations.map((c) => c.id),
      askedAt: ctx.now,
    });
    if (!answer.abstained) ctx.session = { ...ctx.session, context: answer.citations.map((c) => c.articleId) };
    // The reply is stored for retries: it must not keep the question's personal data either.
    ctx.say({ kind: "answer", answer: { ...answer, question: masked.text }, questionId });
    if (masked.kinds.length > 0) {
      ctx.notice(messages(ctx.lang).questionMasked(masked.kinds.map((k) => personalDataLabel(k, ctx.lang)).join("、")), "warning");
    }
  }

  async function runCommand(ctx: TurnContext, command: Command, argument?: string): Promise<void> {
    const m = messages(ctx.lang);
    if (command !== "resume" && command !== "start") delete ctx.session.pending;
    switch (command) {
      case "help":
        return ctx.notice(m.help);
      case "checklists":
        return listChecklists(ctx);
      case "assessments":
        return listAssessments(ctx);
      case "start": {
        if (!argument) {
          const only = deps.knowledge.checklists();
          return only.length === 1 && only[0] ? startChecklist(ctx, only[0]) : listChecklists(ctx);
        }
        const found = findChecklist(deps.knowledge.checklists(), argument);
        if (!found) {
          ctx.notice(m.noSuchChecklist(argument), "warning");
          return listChecklists(ctx);
        }
        return startChecklist(ctx, found.checklist, found.label);
      }
      case "resume":
        return resumeCommand(ctx, argument);
      default:
        break;
    }
    const target = await targetAssessment(ctx, command === "report" || command === "status" ? argument : undefined);
    if (!target) return ctx.notice(argument ? m.noSuchAssessment(argument) : m.noActive, "warning");
    const { assessment, checklist } = target;
    switch (command) {
      case "pause":
        return pause(ctx, assessment, false);
      case "quit":
        return pause(ctx, assessment, true);
      case "status":
        return status(ctx, assessment, checklist);
      case "share":
        return share(ctx, assessment);
      case "report": {
        const label = displayLabel(assessment, checklist, ctx.lang);
        ctx.notice(m.reportReady(label));
        return ctx.say({ kind: "report", assessmentId: assessment.id, label });
      }
      default:
        break;
    }
    const item = checklist.items.find((i) => i.id === ctx.session.itemId);
    if (command === "back") return back(ctx, assessment, checklist);
    if (!item) {
      // Completed, or never started: nothing is in front of the user.
      return command === "why" ? ctx.notice(m.noActive, "warning") : showNext(ctx, assessment, checklist);
    }
    if (command === "skip") return skip(ctx, assessment, checklist, item);
    return why(ctx, assessment, item);
  }

  async function resumeCommand(ctx: TurnContext, code?: string): Promise<void> {
    const m = messages(ctx.lang);
    if (code) {
      const assessment = await ctx.assessment(code.trim().toUpperCase());
      const checklist = assessment && ctx.checklistOf(assessment);
      if (!assessment || !checklist || !ctx.canOpen(assessment)) return ctx.notice(m.noSuchAssessment(code), "warning");
      return resume(ctx, assessment, checklist);
    }
    const inSession = ctx.session.assessmentId ? await ctx.assessment(ctx.session.assessmentId) : undefined;
    if (inSession && ctx.canOpen(inSession) && inSession.status !== "completed") {
      const checklist = ctx.checklistOf(inSession);
      if (checklist) return resume(ctx, inSession, checklist);
    }
    const open = (await deps.store.assessmentsFor(ctx.turn.userId, ctx.shareKey)).filter((a) => a.status !== "completed" && a.ownerId === ctx.turn.userId);
    const only = open.length === 1 ? open[0] : undefined;
    const checklist = only && ctx.checklistOf(only);
    if (only && checklist) return resume(ctx, only, checklist);
    return listAssessments(ctx);
  }

  /** "1", "2" or a name/code answering the list the last reply showed. */
  async function resolvePending(ctx: TurnContext, text: string): Promise<boolean> {
    const pending = ctx.session.pending;
    if (!pending) return false;
    const index = /^\d{1,2}$/.test(text) ? Number(text) - 1 : -1;
    let choice = pending.options[index];
    if (!choice) choice = pending.options.find((id) => id.toLowerCase() === text.toLowerCase());
    if (pending.kind === "checklist") {
      const checklist = choice ? deps.knowledge.checklist(choice) : findChecklist(deps.knowledge.checklists(), text)?.checklist;
      if (!checklist) return false;
      await startChecklist(ctx, checklist, choice ? "" : (findChecklist([checklist], text)?.label ?? ""));
      return true;
    }
    if (!choice) return false;
    await resumeCommand(ctx, choice);
    return true;
  }

  /** The assessment a command applies to: the one named, or the one in this session. */
  async function targetAssessment(ctx: TurnContext, code?: string): Promise<{ assessment: AssessmentRecord; checklist: Checklist } | undefined> {
    const id = code?.trim().toUpperCase() ?? ctx.session.assessmentId;
    const assessment = id ? await ctx.assessment(id) : undefined;
    const checklist = assessment && ctx.checklistOf(assessment);
    return assessment && checklist && ctx.canOpen(assessment) ? { assessment, checklist } : undefined;
  }

  async function currentItem(ctx: TurnContext) {
    const target = await targetAssessment(ctx);
    const item = target?.checklist.items.find((i) => i.id === ctx.session.itemId);
    return target && item && target.assessment.status !== "paused" ? { ...target, item } : undefined;
  }

  /** The item a button refers to, in an assessment the user may open. */
  async function openItem(ctx: TurnContext, assessmentId: string, itemId: string) {
    const assessment = await ctx.assessment(assessmentId);
    const checklist = assessment && ctx.checklistOf(assessment);
    const item = checklist?.items.find((i) => i.id === itemId);
    if (!assessment || !checklist || !item || !ctx.canOpen(assessment)) {
      ctx.notice(messages(ctx.lang).noSuchAssessment(assessmentId), "warning");
      return undefined;
    }
    return { assessment, checklist, item };
  }

  return {
    handle,
    async assessments(user, lang) {
      const records = await deps.store.assessmentsFor(user.userId, user.teamId);
      return Promise.all(
        records.map(async (a) => assessmentOption(a, deps.knowledge.checklist(a.checklistId), await deps.store.responses(a.id), user.userId, lang)),
      );
    },
    async report(assessmentId, lang, user) {
      const assessment = await deps.store.assessment(assessmentId.toUpperCase());
      const checklist = assessment && deps.knowledge.checklist(assessment.checklistId);
      if (!assessment || !checklist) return undefined;
      if (user && assessment.ownerId !== user.userId && (assessment.sharedWith === undefined || assessment.sharedWith !== user.teamId)) return undefined;
      return buildReport(assessment, checklist, await deps.store.responses(assessment.id), deps.knowledge, lang, now().toISOString());
    },
    checklists: (lang) => deps.knowledge.checklists().map((c) => checklistOption(c, lang)),
  };
}
