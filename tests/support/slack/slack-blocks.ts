/** Reading Block Kit the bot sent, for assertions. */

type Json = Record<string, unknown>;

export interface ButtonInfo {
  actionId: string;
  value: string;
  label: string;
}

/** All the text a reader would see in the blocks (headers, sections, fields, context, button labels). */
export function textOf(blocks: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else if (node && typeof node === "object") {
      const o = node as Json;
      if ((o.type === "mrkdwn" || o.type === "plain_text") && typeof o.text === "string") out.push(o.text);
      for (const [key, value] of Object.entries(o)) if (key !== "value" && typeof value === "object") walk(value);
    }
  };
  walk(blocks);
  return out.join("\n");
}

export function buttonsOf(blocks: unknown): ButtonInfo[] {
  const out: ButtonInfo[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else if (node && typeof node === "object") {
      const o = node as Json;
      if (o.type === "button")
        out.push({ actionId: String(o.action_id), value: String(o.value ?? ""), label: String((o.text as Json | undefined)?.text ?? "") });
      for (const value of Object.values(o)) if (typeof value === "object") walk(value);
    }
  };
  walk(blocks);
  return out;
}

/** The button with a label, or throws with the labels there are. */
export function button(blocks: unknown, label: string | RegExp): ButtonInfo {
  const all = buttonsOf(blocks);
  const found = all.find((b) => (typeof label === "string" ? b.label === label : label.test(b.label)));
  if (!found) throw new Error(`no button ${label}; buttons: ${all.map((b) => b.label).join(", ")}`);
  return found;
}

/**
 * Slack's Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks): a list of
 * what a message breaks, empty when it is valid.
 */
export function limitProblems(message: { text?: unknown; blocks?: unknown }, maxBlocks = 50): string[] {
  const problems: string[] = [];
  const blocks = (message.blocks ?? []) as Json[];
  if (typeof message.text !== "string" || message.text.length === 0) problems.push("no fallback text");
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks`);
  const ids = new Set<string>();
  // UTF-16 units: the stricter count.
  const len = (s: unknown) => String(s ?? "").length;
  for (const block of blocks) {
    if (block.type === "section" && len((block.text as Json | undefined)?.text) > 3000) problems.push("section text > 3000");
    if (block.type === "header" && len((block.text as Json | undefined)?.text) > 150) problems.push("header > 150");
    if (block.type === "context") for (const e of block.elements as Json[]) if (len(e.text) > 3000) problems.push("context > 3000");
  }
  for (const b of buttonsOf(blocks)) {
    if (ids.has(b.actionId)) problems.push(`duplicate action_id ${b.actionId}`);
    ids.add(b.actionId);
    if (b.value.length > 2000) problems.push(`button value ${b.value.length}`);
    if (len(b.label) > 75) problems.push("button label > 75");
    if (b.actionId.length > 255) problems.push("action_id > 255");
  }
  return problems;
}
