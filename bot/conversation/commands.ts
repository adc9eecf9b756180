import type { Checklist } from "../../knowledge/index.js";
import type { AssessmentRecord } from "../assessment/store.js";
import { displayLabel } from "../assessment/views.js";
import { showChanges } from "../changes/changes-command.js";
import type { ActiveTurn } from "./active-turn.js";
import { back, findChecklist, listAssessments, listChecklists, pause, resume, share, showNext, skip, startChecklist, status, why } from "./assessment-flow.js";
import { messages } from "./messages.js";
import type { Command } from "./turn.js";

/** Typed and clicked commands: help, lists, start, resume, pause, skip, back, status, why, report, share, quit. */
export async function runCommand(ctx: ActiveTurn, command: Command, argument?: string): Promise<void> {
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
        const only = ctx.deps.knowledge.checklists();
        return only.length === 1 && only[0] ? startChecklist(ctx, only[0]) : listChecklists(ctx);
      }
      const found = findChecklist(ctx.deps.knowledge.checklists(), argument);
      if (!found) {
        ctx.notice(m.noSuchChecklist(argument), "warning");
        return listChecklists(ctx);
      }
      return startChecklist(ctx, found.checklist, found.label);
    }
    case "resume":
      return resumeCommand(ctx, argument);
    case "changes":
      return showChanges(ctx);
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

async function resumeCommand(ctx: ActiveTurn, code?: string): Promise<void> {
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
  const open = (await ctx.deps.store.assessmentsFor(ctx.turn.userId, ctx.shareKey)).filter((a) => a.status !== "completed" && a.ownerId === ctx.turn.userId);
  const only = open.length === 1 ? open[0] : undefined;
  const checklist = only && ctx.checklistOf(only);
  if (only && checklist) return resume(ctx, only, checklist);
  return listAssessments(ctx);
}

/**
 * `/compliance assess [name]`: a code the user may open is resumed, any other name starts
 * that checklist; without a name, the user's open assessment is resumed, else one starts.
 */
export async function assessCommand(ctx: ActiveTurn, name?: string): Promise<void> {
  const wanted = name?.trim();
  if (wanted) {
    const assessment = await ctx.assessment(wanted.toUpperCase());
    if (assessment && ctx.canOpen(assessment)) return runCommand(ctx, "resume", assessment.id);
    return runCommand(ctx, "start", wanted);
  }
  const mine = await ctx.deps.store.assessmentsFor(ctx.turn.userId, ctx.shareKey);
  const open = mine.some((a) => a.ownerId === ctx.turn.userId && a.status !== "completed");
  return runCommand(ctx, open ? "resume" : "start");
}

/** "1", "2" or a name/code answering the list the last reply showed. */
export async function resolvePending(ctx: ActiveTurn, text: string): Promise<boolean> {
  const pending = ctx.session.pending;
  if (!pending) return false;
  const index = /^\d{1,2}$/.test(text) ? Number(text) - 1 : -1;
  let choice = pending.options[index];
  if (!choice) choice = pending.options.find((id) => id.toLowerCase() === text.toLowerCase());
  if (pending.kind === "checklist") {
    const checklist = choice ? ctx.deps.knowledge.checklist(choice) : findChecklist(ctx.deps.knowledge.checklists(), text)?.checklist;
    if (!checklist) return false;
    await startChecklist(ctx, checklist, choice ? "" : (findChecklist([checklist], text)?.label ?? ""));
    return true;
  }
  if (!choice) return false;
  await resumeCommand(ctx, choice);
  return true;
}

/** The assessment a command applies to: the one named, or the one in this session. */
async function targetAssessment(ctx: ActiveTurn, code?: string): Promise<{ assessment: AssessmentRecord; checklist: Checklist } | undefined> {
  const id = code?.trim().toUpperCase() ?? ctx.session.assessmentId;
  const assessment = id ? await ctx.assessment(id) : undefined;
  const checklist = assessment && ctx.checklistOf(assessment);
  return assessment && checklist && ctx.canOpen(assessment) ? { assessment, checklist } : undefined;
}

export async function currentItem(ctx: ActiveTurn) {
  const target = await targetAssessment(ctx);
  const item = target?.checklist.items.find((i) => i.id === ctx.session.itemId);
  return target && item && target.assessment.status !== "paused" ? { ...target, item } : undefined;
}

/** The item a button refers to, in an assessment the user may open. */
export async function openItem(ctx: ActiveTurn, assessmentId: string, itemId: string) {
  const assessment = await ctx.assessment(assessmentId);
  const checklist = assessment && ctx.checklistOf(assessment);
  const item = checklist?.items.find((i) => i.id === itemId);
  if (!assessment || !checklist || !item || !ctx.canOpen(assessment)) {
    ctx.notice(messages(ctx.lang).noSuchAssessment(assessmentId), "warning");
    return undefined;
  }
  return { assessment, checklist, item };
}
