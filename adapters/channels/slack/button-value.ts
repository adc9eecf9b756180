import { z } from "zod";
import { COMMANDS, FEEDBACK_REASONS, type TurnAction } from "../../../bot/index.js";
import type { Lang } from "../../../knowledge/index.js";
import { LIMITS } from "./blocks/limits.js";

/** Prefix of every action_id and callback_id this adapter renders. */
export const ACTION_PREFIX = "ca:";

const id = z.string().min(1).max(120);
const LangSchema = z.enum(["zh", "en"]);

const TurnActionSchema: z.ZodType<TurnAction> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("answer"), assessmentId: id, itemId: id, result: z.enum(["yes", "no", "na"]), note: z.string().max(2000).optional() }),
  z.object({ type: z.literal("note"), assessmentId: id, itemId: id, note: z.string().min(1).max(3000) }),
  z.object({ type: z.literal("command"), command: z.enum(COMMANDS), assessmentId: id.optional() }),
  z.object({ type: z.literal("start"), checklistId: id }),
  z.object({ type: z.literal("resume"), assessmentId: id }),
  z.object({ type: z.literal("feedback"), questionId: id, value: z.enum(["up", "down"]), reason: z.enum(FEEDBACK_REASONS).optional() }),
]) as z.ZodType<TurnAction>;

/**
 * What a button carries in its `value` (at most 2000 characters): an engine action, or a
 * request this adapter serves itself (the full clause in a modal, the evidence-note modal).
 */
const ButtonValueSchema = z.discriminatedUnion("k", [
  /** `it`: the item of the message the button is on, for commands that leave it (skip, back, pause). */
  z.object({ k: z.literal("turn"), a: TurnActionSchema, l: LangSchema, it: id.optional() }),
  z.object({ k: z.literal("clause"), id, l: LangSchema, label: z.string().max(300), url: z.string().max(500) }),
  z.object({ k: z.literal("note"), assessmentId: id, itemId: id, answered: z.boolean(), l: LangSchema }),
]);

export type ButtonValue = z.infer<typeof ButtonValueSchema>;

/** The button value as JSON; throws when it would exceed Slack's limit (a bug, never user input). */
export function encodeButton(value: ButtonValue): string {
  const json = JSON.stringify(value);
  if (json.length > LIMITS.buttonValue) throw new Error(`button value of ${json.length} characters exceeds ${LIMITS.buttonValue}`);
  return json;
}

/** A turn action as a button value; `itemId` names the item message it sits on. */
export function turnButton(action: TurnAction, lang: Lang, itemId?: string): string {
  return encodeButton({ k: "turn", a: action, l: lang, ...(itemId ? { it: itemId } : {}) });
}

/** Decodes a button value from an incoming click; undefined for anything we did not render. */
export function decodeButton(value: string | undefined): ButtonValue | undefined {
  if (!value) return undefined;
  try {
    const parsed = ButtonValueSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
