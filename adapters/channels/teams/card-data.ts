import { z } from "zod";
import { COMMANDS, FEEDBACK_REASONS, type TurnAction } from "../../../bot/index.js";

/** Longest evidence note a card may submit (the Input.Text says the same). */
export const MAX_NOTE = 1000;

const code = z.string().trim().min(1).max(32);
const id = z.string().trim().min(1).max(200);

/**
 * The `data` of every button the bot renders, tagged with `ca` so our submissions are told
 * apart from anything else a client may post. Action.Submit merges the card's inputs
 * (`note`) into it; Action.Execute carries it as `action.data` with the inputs merged too.
 */
const CardDataSchema = z.discriminatedUnion("ca", [
  z.object({ ca: z.literal("answer"), assessmentId: code, itemId: code, result: z.enum(["yes", "no", "na"]), note: z.string().max(MAX_NOTE).optional() }),
  z.object({ ca: z.literal("command"), command: z.enum(COMMANDS), assessmentId: code.optional() }),
  z.object({ ca: z.literal("start"), checklistId: id }),
  z.object({ ca: z.literal("resume"), assessmentId: code }),
  z.object({ ca: z.literal("feedback"), questionId: id, value: z.enum(["up", "down"]), reason: z.enum(FEEDBACK_REASONS).optional() }),
]);

/** What a button carries, before Teams merges the inputs in. */
export type CardData = z.input<typeof CardDataSchema>;

export type CardDataResult = { ok: true; action: TurnAction } | { ok: false; reason: "not_ours" | "invalid" | "note_too_long"; detail: string };

/** Decodes a card submission into the engine's action; never throws. */
export function parseCardData(value: unknown): CardDataResult {
  if (typeof value !== "object" || value === null || !("ca" in value)) return { ok: false, reason: "not_ours", detail: "no ca field" };
  const parsed = CardDataSchema.safeParse(value);
  if (!parsed.success) {
    const tooLong = parsed.error.issues.some((issue) => issue.path[0] === "note" && issue.code === "too_big");
    const detail = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
    return { ok: false, reason: tooLong ? "note_too_long" : "invalid", detail };
  }
  return { ok: true, action: toTurnAction(parsed.data) };
}

function toTurnAction(data: z.output<typeof CardDataSchema>): TurnAction {
  switch (data.ca) {
    case "answer": {
      const note = data.note?.trim();
      return { type: "answer", assessmentId: data.assessmentId, itemId: data.itemId, result: data.result, ...(note ? { note } : {}) };
    }
    case "command":
      return { type: "command", command: data.command, ...(data.assessmentId ? { assessmentId: data.assessmentId } : {}) };
    case "start":
      return { type: "start", checklistId: data.checklistId };
    case "resume":
      return { type: "resume", assessmentId: data.assessmentId };
    case "feedback":
      return { type: "feedback", questionId: data.questionId, value: data.value, ...(data.reason ? { reason: data.reason } : {}) };
  }
}
