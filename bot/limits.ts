/**
 * Size limits of what users type, in characters (README "Limits"). Longer input is refused
 * with a message in the user's language and is not stored: a pasted document is not a
 * question, and an evidence note should point to the evidence rather than contain it.
 */
export const INPUT_LIMITS = {
  /** A question or any typed message. */
  question: 4000,
  /** An evidence note (typed after the answer, 「備註：…」, or in a form). */
  note: 2000,
  /** The beginning of a long question that is searched; the answer says the rest was not. */
  searched: 2000,
} as const;

/** Length in characters as people count them (a CJK character or an emoji is one). */
export function charCount(text: string): number {
  return [...text].length;
}
