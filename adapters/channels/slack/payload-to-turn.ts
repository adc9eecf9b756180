/**
 * Longest text handed to the engine. Retrieval time grows faster than linearly with the
 * question (a 40,000-character message took 24 s of CPU in a probe, 4,000 about 0.1 s),
 * and the event loop that acknowledges Slack is the same: longer texts are cut, and the
 * user is told.
 */
export const MAX_TEXT_CHARS = 4000;

/**
 * The user's text as the engine should read it: the bot's mention removed, Slack's markup
 * undone (<url|label>, <#C123|name>, &amp; ...), and cut to MAX_TEXT_CHARS.
 * (https://docs.slack.dev/messaging/formatting-message-text)
 */
export function incomingText(raw: string | undefined, options: { botUserId?: string | undefined; mention?: boolean } = {}): { text: string; cut: boolean } {
  let text = raw ?? "";
  if (options.botUserId) text = text.replace(new RegExp(`<@${options.botUserId}(\\|[^>]*)?>`, "g"), " ");
  // Without a known bot id, the leading mention of an app_mention is the bot's.
  else if (options.mention) text = text.replace(/^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>/, " ");
  text = text
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, "$2 ($1)")
    .replace(/<(https?:[^>]+)>/g, "$1")
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, "#$1")
    .replace(/<!(here|channel|everyone)>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  const chars = Array.from(text);
  if (chars.length <= MAX_TEXT_CHARS) return { text, cut: false };
  return { text: chars.slice(0, MAX_TEXT_CHARS).join(""), cut: true };
}
