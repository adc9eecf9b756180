import type { Checklist, ChecklistItem, CheckResult } from "../../knowledge/index.js";
import { nextOpenItem } from "../assessment/progress.js";
import type { AssessmentRecord, ResponseRecord } from "../assessment/store.js";
import { assessmentOption, checklistOption, displayLabel, itemView, recordedView, statusView, whyView } from "../assessment/views.js";
import { noticeChangedItems } from "../changes/changes-command.js";
import { charCount, INPUT_LIMITS } from "../limits.js";
import { maskPersonalData, personalDataLabel } from "../privacy/mask-personal-data.js";
import type { ActiveTurn } from "./active-turn.js";
import { newAssessmentCode } from "./ids.js";
import { messages } from "./messages.js";

/** The assessment half of the conversation: start, answer, move, pause, report. */

export async function startChecklist(ctx: ActiveTurn, checklist: Checklist, label = ""): Promise<void> {
  const assessment = ctx.saveAssessment({
    id: newAssessmentCode(),
    checklistId: checklist.id,
    checklistVersion: checklist.version,
    label,
    ownerId: ctx.turn.userId,
    ...(ctx.turn.userName ? { ownerName: ctx.turn.userName } : {}),
    channel: ctx.turn.channel,
    status: "active",
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  ctx.event(assessment.id, "created");
  ctx.session = { ...ctx.session, assessmentId: assessment.id, assessmentLang: ctx.lang, trail: [] };
  delete ctx.session.pending;
  ctx.notice(messages(ctx.lang).started(displayLabel(assessment, checklist, ctx.lang), assessment.id, checklist.items.length));
  await showNext(ctx, assessment, checklist);
}

/** Shows the next open item after `afterItemId` (wrapping), or completes the assessment. */
export async function showNext(ctx: ActiveTurn, assessment: AssessmentRecord, checklist: Checklist, afterItemId?: string, exclude?: string): Promise<void> {
  const responses = await ctx.responsesOf(assessment.id);
  const answered = new Set(responses.map((r) => r.itemId));
  const next = nextOpenItem(checklist, answered, afterItemId, exclude);
  if (!next) {
    if (assessment.status !== "completed") {
      ctx.saveAssessment({ ...assessment, status: "completed" });
      ctx.event(assessment.id, "completed");
    }
    ctx.session = { ...ctx.session, assessmentId: assessment.id };
    delete ctx.session.itemId;
    ctx.notice(messages(ctx.lang).completed(displayLabel(assessment, checklist, ctx.lang), checklist.items.length));
    ctx.say({ kind: "status", status: statusView({ ...assessment, status: "completed" }, checklist, responses, ctx.lang) });
    return;
  }
  ctx.session = { ...ctx.session, assessmentId: assessment.id, itemId: next.id };
  ctx.say({ kind: "item", item: itemView(assessment, checklist, next, responses, ctx.lang) });
}

export async function recordAnswer(
  ctx: ActiveTurn,
  assessment: AssessmentRecord,
  checklist: Checklist,
  item: ChecklistItem,
  result: CheckResult,
  rawNote?: string,
): Promise<void> {
  if (noteTooLong(ctx, rawNote)) return showItem(ctx, assessment, checklist, item.id);
  const previous = (await ctx.responsesOf(assessment.id)).filter((r) => r.itemId === item.id).at(-1);
  const masked = rawNote ? maskPersonalData(rawNote, ctx.lang) : undefined;
  // A new answer keeps the earlier evidence (its note unless a new one is given, and the added notes) only if the result is unchanged.
  const same = previous?.result === result;
  const note = masked?.text || (same ? previous?.note : undefined);
  const notes = same ? (previous?.notes ?? []) : [];
  const response: ResponseRecord = {
    assessmentId: assessment.id,
    itemId: item.id,
    result,
    ...(note ? { note } : {}),
    ...(notes.length > 0 ? { notes } : {}),
    userId: ctx.turn.userId,
    ...(ctx.turn.userName ? { userName: ctx.turn.userName } : {}),
    channel: ctx.turn.channel,
    answeredAt: ctx.now,
    checklistVersion: checklist.version,
    clauseIds: item.clauses,
  };
  ctx.responses.push(response);
  ctx.event(assessment.id, "answered", { itemId: item.id, result, ...(note ? { note } : {}) });
  const active = ctx.saveAssessment({ ...assessment, status: assessment.status === "paused" ? "active" : assessment.status });
  ctx.session = { ...ctx.session, trail: [...ctx.session.trail.filter((id) => id !== item.id), item.id] };
  ctx.say({ kind: "recorded", recorded: recordedView(checklist, item, response, masked?.kinds ?? [], ctx.lang) });
  if (masked && masked.kinds.length > 0) {
    ctx.notice(messages(ctx.lang).masked(masked.kinds.map((k) => personalDataLabel(k, ctx.lang)).join("、")), "warning");
  }
  await showNext(ctx, active, checklist, item.id);
}

/** Appends an evidence note (with who and when) to an answered item; earlier notes stay. */
export async function recordNote(ctx: ActiveTurn, assessment: AssessmentRecord, checklist: Checklist, item: ChecklistItem, rawNote: string): Promise<void> {
  if (noteTooLong(ctx, rawNote)) return;
  const previous = (await ctx.responsesOf(assessment.id)).filter((r) => r.itemId === item.id).at(-1);
  if (!previous) {
    ctx.notice(messages(ctx.lang).noteNothing, "warning");
    return;
  }
  const masked = maskPersonalData(rawNote, ctx.lang);
  const added = { text: masked.text, userId: ctx.turn.userId, ...(ctx.turn.userName ? { userName: ctx.turn.userName } : {}), at: ctx.now };
  // Who answered and when stays with the answer; the note carries its own author and time.
  const response: ResponseRecord = { ...previous, notes: [...(previous.notes ?? []), added] };
  ctx.responses.push(response);
  ctx.event(assessment.id, "noted", { itemId: item.id, note: masked.text });
  ctx.saveAssessment(assessment);
  ctx.notice(messages(ctx.lang).noteSaved(checklist.items.indexOf(item) + 1));
  ctx.say({ kind: "recorded", recorded: recordedView(checklist, item, response, masked.kinds, ctx.lang) });
  if (masked.kinds.length > 0) ctx.notice(messages(ctx.lang).masked(masked.kinds.map((k) => personalDataLabel(k, ctx.lang)).join("、")), "warning");
}

/** Refuses a note over the documented limit (nothing of the turn is recorded) and says so. */
function noteTooLong(ctx: ActiveTurn, note: string | undefined): boolean {
  const chars = note ? charCount(note) : 0;
  if (chars <= INPUT_LIMITS.note) return false;
  ctx.notice(messages(ctx.lang).noteTooLong(chars, INPUT_LIMITS.note), "warning");
  return true;
}

export async function skip(ctx: ActiveTurn, assessment: AssessmentRecord, checklist: Checklist, item: ChecklistItem): Promise<void> {
  ctx.event(assessment.id, "skipped", { itemId: item.id });
  ctx.session = { ...ctx.session, trail: [...ctx.session.trail.filter((id) => id !== item.id), item.id] };
  ctx.notice(messages(ctx.lang).skipped);
  await showNext(ctx, assessment, checklist, item.id, item.id);
}

/** Goes back through the items answered or skipped in this session, then by checklist order. */
export async function back(ctx: ActiveTurn, assessment: AssessmentRecord, checklist: Checklist): Promise<void> {
  const current = ctx.session.itemId;
  const trail = ctx.session.trail.filter((id) => id !== current);
  let target = trail.at(-1);
  if (!target) {
    const index = current ? checklist.items.findIndex((i) => i.id === current) : checklist.items.length;
    target = index > 0 ? checklist.items[index - 1]?.id : undefined;
  }
  const item = checklist.items.find((i) => i.id === target);
  if (!item) {
    ctx.notice(messages(ctx.lang).firstItem);
    if (current) await showItem(ctx, assessment, checklist, current);
    return;
  }
  ctx.session = { ...ctx.session, trail: trail.slice(0, -1) };
  await showItem(ctx, assessment, checklist, item.id);
}

export async function showItem(ctx: ActiveTurn, assessment: AssessmentRecord, checklist: Checklist, itemId: string): Promise<void> {
  const item = checklist.items.find((i) => i.id === itemId);
  if (!item) return showNext(ctx, assessment, checklist);
  ctx.session = { ...ctx.session, assessmentId: assessment.id, itemId: item.id };
  ctx.say({ kind: "item", item: itemView(assessment, checklist, item, await ctx.responsesOf(assessment.id), ctx.lang) });
}

export async function resume(ctx: ActiveTurn, assessment: AssessmentRecord, checklist: Checklist): Promise<void> {
  const m = messages(ctx.lang);
  const joining = assessment.ownerId !== ctx.turn.userId;
  const reopened = ctx.saveAssessment({ ...assessment, status: assessment.status === "completed" ? "completed" : "active" });
  ctx.event(assessment.id, joining ? "joined" : "resumed");
  const responses = await ctx.responsesOf(assessment.id);
  const answered = new Set(responses.map((r) => r.itemId)).size;
  ctx.session = { ...ctx.session, assessmentId: assessment.id, assessmentLang: ctx.lang, trail: [] };
  delete ctx.session.itemId;
  delete ctx.session.pending;
  const label = displayLabel(assessment, checklist, ctx.lang);
  ctx.notice(joining ? m.joined(label) : m.resumed(label, answered, checklist.items.length));
  await noticeChangedItems(ctx, assessment, checklist);
  await showNext(ctx, reopened, checklist);
}

export function pause(ctx: ActiveTurn, assessment: AssessmentRecord, leave: boolean): void {
  if (assessment.status !== "completed") ctx.saveAssessment({ ...assessment, status: "paused" });
  ctx.event(assessment.id, "paused", ctx.session.itemId ? { itemId: ctx.session.itemId } : {});
  const m = messages(ctx.lang);
  if (leave) {
    ctx.session = { ...ctx.session, trail: [] };
    delete ctx.session.assessmentId;
    delete ctx.session.itemId;
    ctx.notice(m.quit(assessment.id));
  } else {
    ctx.notice(m.paused(assessment.id));
  }
}

export async function status(ctx: ActiveTurn, assessment: AssessmentRecord, checklist: Checklist): Promise<void> {
  ctx.say({ kind: "status", status: statusView(assessment, checklist, await ctx.responsesOf(assessment.id), ctx.lang) });
}

export function why(ctx: ActiveTurn, assessment: AssessmentRecord, item: ChecklistItem): void {
  ctx.say({ kind: "why", why: whyView(assessment, item, ctx.deps.knowledge, ctx.lang) });
}

export function share(ctx: ActiveTurn, assessment: AssessmentRecord): void {
  ctx.saveAssessment({ ...assessment, sharedWith: ctx.shareKey });
  ctx.event(assessment.id, "shared");
  ctx.notice(messages(ctx.lang).shared(assessment.id));
}

export function listChecklists(ctx: ActiveTurn): void {
  const checklists = ctx.deps.knowledge.checklists();
  ctx.session = { ...ctx.session, pending: { kind: "checklist", options: checklists.map((c) => c.id) } };
  ctx.notice(messages(ctx.lang).chooseChecklist);
  ctx.say({ kind: "checklists", checklists: checklists.map((c) => checklistOption(c, ctx.lang)) });
}

export async function listAssessments(ctx: ActiveTurn): Promise<void> {
  const records = await ctx.deps.store.assessmentsFor(ctx.turn.userId, ctx.shareKey);
  if (records.length === 0) {
    ctx.notice(messages(ctx.lang).noAssessments);
    return;
  }
  const options = await Promise.all(records.map(async (a) => assessmentOption(a, ctx.checklistOf(a), await ctx.responsesOf(a.id), ctx.turn.userId, ctx.lang)));
  ctx.session = { ...ctx.session, pending: { kind: "assessment", options: options.map((o) => o.id) } };
  ctx.notice(messages(ctx.lang).chooseAssessment);
  ctx.say({ kind: "assessments", assessments: options });
}

/** Finds a checklist by id, alias or title in what the user typed; the rest of the text is the label. */
export function findChecklist(checklists: Checklist[], text: string): { checklist: Checklist; label: string } | undefined {
  const query = text.trim().toLowerCase();
  const candidates = checklists.flatMap((checklist) =>
    [checklist.id, checklist.title_zh, checklist.title_en, ...checklist.aliases].map((name) => ({ checklist, name: name.toLowerCase() })),
  );
  const found = candidates.filter((c) => query.includes(c.name)).sort((a, b) => b.name.length - a.name.length)[0];
  if (found) {
    const at = query.indexOf(found.name);
    const label = `${text.trim().slice(0, at)} ${text.trim().slice(at + found.name.length)}`.trim();
    return { checklist: found.checklist, label };
  }
  const partial = candidates.find((c) => c.name.includes(query));
  return partial ? { checklist: partial.checklist, label: "" } : undefined;
}
