import type { Engine, Reply, ReplyPart, Turn } from "../../bot/index.js";

let counter = 0;

/** Sends a typed message as `userId` in `conversationId`; a fresh message id unless given. */
export function say(engine: Engine, userId: string, text: string, extra: Partial<Turn> = {}): Promise<Reply> {
  counter++;
  return engine.handle({ channel: "cli", userId, userName: userId, conversationId: "room", messageId: `m${counter}-${Date.now()}`, text, ...extra });
}

export function partsOf<K extends ReplyPart["kind"]>(reply: Reply, kind: K): Array<Extract<ReplyPart, { kind: K }>> {
  return reply.parts.filter((p): p is Extract<ReplyPart, { kind: K }> => p.kind === kind);
}

export function itemOf(reply: Reply) {
  const item = partsOf(reply, "item").at(-1)?.item;
  if (!item) throw new Error(`no item in reply: ${JSON.stringify(reply.parts.map((p) => p.kind))}`);
  return item;
}
