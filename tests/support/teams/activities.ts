import { randomUUID } from "node:crypto";

/** Activities shaped as the Teams channel of the Bot Framework delivers them. */

export const BOT = { id: "28:compliance-bot", name: "Compliance" };
export const TENANT = "tenant-1234";

export interface Who {
  userId?: string;
  userName?: string;
  conversationId?: string;
  conversationType?: "personal" | "channel" | "groupChat";
  teamId?: string;
  locale?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: activities are free-form JSON.
type Json = Record<string, any>;

/** An activity as JSON, with the fields every builder sets. */
export type ActivityJson = Json & { id: string; serviceUrl: string };

function envelope(serviceUrl: string, who: Who, extra: Json): ActivityJson {
  const conversationType = who.conversationType ?? "personal";
  return {
    id: `act-${randomUUID()}`,
    channelId: "msteams",
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: who.locale ?? "zh-TW",
    from: { id: who.userId ?? "29:alice", name: who.userName ?? "Alice", aadObjectId: "aad-alice" },
    recipient: BOT,
    conversation: {
      id: who.conversationId ?? "a:personal-alice",
      conversationType,
      tenantId: TENANT,
      ...(conversationType === "personal" ? {} : { isGroup: true }),
    },
    channelData: { tenant: { id: TENANT }, ...(who.teamId ? { team: { id: who.teamId }, channel: { id: who.conversationId } } : {}) },
    ...extra,
  };
}

export function textMessage(serviceUrl: string, text: string, who: Who = {}, extra: Json = {}): ActivityJson {
  return envelope(serviceUrl, who, { type: "message", text, textFormat: "plain", ...extra });
}

/** A channel or group chat message that @mentions the bot, as Teams writes it. */
export function mentionMessage(serviceUrl: string, text: string, who: Who): ActivityJson {
  const mention = `<at>${BOT.name}</at>`;
  return envelope(serviceUrl, who, {
    type: "message",
    text: `${mention} ${text}`,
    entities: [
      { type: "mention", text: mention, mentioned: BOT },
      { type: "clientInfo", locale: "zh-TW" },
    ],
  });
}

/** Action.Submit: a message with the button's data (and the card's inputs) as `value`, replying to the card. */
export function submit(serviceUrl: string, data: Json, cardId: string, who: Who = {}): ActivityJson {
  return envelope(serviceUrl, who, { type: "message", value: data, replyToId: cardId });
}

/** Action.Execute: an `adaptiveCard/action` invoke (Universal Actions). */
export function execute(serviceUrl: string, data: Json, cardId: string, who: Who = {}, verb?: string): ActivityJson {
  return envelope(serviceUrl, who, {
    type: "invoke",
    name: "adaptiveCard/action",
    replyToId: cardId,
    value: { action: { type: "Action.Execute", verb: verb ?? data.ca, data }, trigger: "manual" },
  });
}

export function botAdded(serviceUrl: string, who: Who = {}): ActivityJson {
  return envelope(serviceUrl, who, { type: "conversationUpdate", membersAdded: [BOT] });
}

export async function post(url: string, activity: unknown, token?: string): Promise<{ status: number; body: Json | undefined; requestId: string | null }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof activity === "string" ? activity : JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : undefined, requestId: response.headers.get("x-request-id") };
}

/** The Adaptive Card of a sent (or updated) activity. */
export function cardOf(activity: Json | undefined): Json | undefined {
  return activity?.attachments?.find((a: Json) => a.contentType === "application/vnd.microsoft.card.adaptive")?.content;
}

/** Every action in a card, depth first, including those inside ActionSets and ShowCards. */
export function actionsOf(card: Json | undefined): Json[] {
  const found: Json[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else if (node && typeof node === "object") {
      const obj = node as Json;
      if (typeof obj.type === "string" && obj.type.startsWith("Action.")) found.push(obj);
      for (const [key, value] of Object.entries(obj)) if (key !== "fallback") walk(value);
    }
  };
  walk(card);
  return found;
}

/** Every TextBlock's text in a card, joined by newlines. */
export function textOf(card: Json | undefined): string {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else if (node && typeof node === "object") {
      const obj = node as Json;
      if (obj.type === "TextBlock") texts.push(obj.text);
      if (obj.type === "FactSet") for (const f of obj.facts) texts.push(`${f.title}: ${f.value}`);
      for (const value of Object.values(obj)) walk(value);
    }
  };
  walk(card);
  return texts.join("\n");
}
