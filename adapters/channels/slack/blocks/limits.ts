/**
 * Block Kit limits this adapter renders within (https://docs.slack.dev/reference/block-kit/blocks,
 * .../composition-objects, .../surfaces/modals). Slack rejects a whole message with
 * `invalid_blocks` when one of them is exceeded, so every text goes through `cut`.
 */
export const LIMITS = {
  /** Blocks per message. */
  messageBlocks: 50,
  /** Blocks per modal or App Home view. */
  viewBlocks: 100,
  /** Text of a section block. */
  sectionText: 3000,
  /** Each text of a section's `fields` (at most 10 of them). */
  fieldText: 2000,
  /** Each element of a context block (at most 10 of them). */
  contextText: 3000,
  /** Header block (plain text). */
  headerText: 150,
  /** Button label (plain text). */
  buttonText: 75,
  /** Button value. */
  buttonValue: 2000,
  /** Elements of an actions block. */
  actionsElements: 25,
  /** Modal title, submit and close labels. */
  modalTitle: 24,
  /** private_metadata of a view. */
  privateMetadata: 3000,
  /** Radio button option text. */
  optionText: 75,
  /** Label of an input block. */
  inputLabel: 2000,
  /** Fallback `text` we send: Slack truncates at 40,000, notifications show far less. */
  fallbackText: 3000,
} as const;

/**
 * Shortens `text` to at most `max` UTF-16 units (the stricter of the ways a length can be
 * counted, so an emoji never pushes a text over a limit), marking the cut with an ellipsis.
 * A surrogate pair is never split.
 */
export function cut(text: string, max: number, marker = "…"): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - marker.length);
  if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return `${text.slice(0, end)}${marker}`;
}

/**
 * Splits a long text into pieces of at most `max` UTF-16 units, preferring line ends and
 * sentence ends (。；) so a clause is not broken mid-sentence.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const at = Math.max(window.lastIndexOf("\n"), window.lastIndexOf("。"), window.lastIndexOf("；"), window.lastIndexOf(". "));
    let size = at > max / 2 ? at + 1 : max;
    if (isHighSurrogate(rest.charCodeAt(size - 1))) size--;
    pieces.push(rest.slice(0, size).trimEnd());
    rest = rest.slice(size);
  }
  const last = rest.trim();
  if (last) pieces.push(last);
  return pieces;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
