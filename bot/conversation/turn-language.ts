import type { Lang } from "../../knowledge/clause.js";
import { detectLang } from "../../knowledge/language.js";
import type { SessionRecord } from "../assessment/store.js";
import { parseCommand } from "./parse-command.js";
import type { Turn } from "./turn.js";

/** Commands that begin something new: they speak the language they were typed in. */
const OWN_LANGUAGE = new Set(["start", "checklists", "assessments", "help"]);

/**
 * The language of a turn's reply. While an item of an assessment is in front of the user,
 * the assessment's language (set when it was started or resumed here): one answer typed
 * in English does not switch a Chinese checklist. A question asked there is still
 * answered in its own language (askQuestion). Otherwise the language of the text, and for
 * a click or a text without letters ("1", "✅") the language of the conversation so far.
 */
export function turnLanguage(turn: Turn, stored: SessionRecord | undefined): Lang {
  const text = turn.text?.trim() ?? "";
  const hasLetters = /[a-z\p{Script=Han}]/iu.test(text);
  const command = hasLetters ? parseCommand(text)?.command : undefined;
  if (stored?.itemId && stored.assessmentLang && !(command && OWN_LANGUAGE.has(command))) return stored.assessmentLang;
  if (hasLetters) return detectLang(text);
  return turn.lang ?? stored?.lang ?? "zh";
}
