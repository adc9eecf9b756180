/**
 * Size limits of what users type, in characters (README "Limits"). Longer input is refused
 * with a message in the user's language and is not stored: a pasted document is not a
 * question, and an evidence note should point to the evidence rather than contain it.
 */
export const INPUT_LIMITS = {
  question: 4000,
  note: 2000,
} as const;

/** Length in characters as people count them (a CJK character or an emoji is one). */
export function charCount(text: string): number {
  return [...text].length;
}
