import { createHmac, randomBytes } from "node:crypto";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

/** Slack's v0 signature: HMAC-SHA256 of `v0:{timestamp}:{raw body}` (https://docs.slack.dev/authentication/verifying-requests-from-slack). */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SendOptions {
  secret?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  contentType?: "application/json" | "application/x-www-form-urlencoded";
  headers?: Record<string, string>;
  /** Sends the signature header as given instead of computing it. */
  forgedSignature?: string;
}

/** POSTs a raw body to the events endpoint, signed like Slack signs it. */
export async function sendSigned(url: string, body: string, options: SendOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": options.contentType ?? "application/json",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": options.forgedSignature ?? signature(options.secret ?? SIGNING_SECRET, timestamp, body),
      ...options.headers,
    },
    body,
  });
}

let counter = 0;
/** A fresh id in Slack's style (Ev..., client_msg_id uuids, trigger ids). */
export function freshId(prefix: string): string {
  counter++;
  return `${prefix}${Date.now().toString(36).toUpperCase()}${counter}${randomBytes(3).toString("hex").toUpperCase()}`;
}

export interface MessageEventInput {
  type?: "app_mention" | "message";
  user?: string;
  text: string;
  channel: string;
  ts?: string;
  threadTs?: string;
  channelType?: string;
  eventId?: string;
  clientMsgId?: string | null;
  team?: string;
  extra?: Record<string, unknown>;
}

/** An Events API envelope (event_callback) around a message or app_mention event. */
export function messageEvent(input: MessageEventInput): string {
  const ts = input.ts ?? `${Math.floor(Date.now() / 1000)}.${String(counter++).padStart(6, "0")}`;
  const event = {
    type: input.type ?? "app_mention",
    user: input.user ?? "UALICE01",
    text: input.text,
    ts,
    channel: input.channel,
    event_ts: ts,
    ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
    ...(input.channelType ? { channel_type: input.channelType } : {}),
    ...(input.clientMsgId === null ? {} : { client_msg_id: input.clientMsgId ?? freshId("cm-") }),
    ...input.extra,
  };
  return envelope(event, input.eventId, input.team);
}

export function envelope(event: Record<string, unknown>, eventId = freshId("Ev"), team = "TFAKE0001"): string {
  return JSON.stringify({
    token: "legacy-verification-token",
    team_id: team,
    api_app_id: "AFAKE0001",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: team, user_id: "UBOT0001", is_bot: true, is_enterprise_install: false }],
  });
}

/** A slash command, form-encoded as Slack sends it. */
export function slashCommand(text: string, options: { user?: string; channel?: string; responseUrl?: string; triggerId?: string; team?: string } = {}): string {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: options.team ?? "TFAKE0001",
    channel_id: options.channel ?? "CGENERAL01",
    channel_name: "general",
    user_id: options.user ?? "UALICE01",
    user_name: "alice",
    command: "/compliance",
    text,
    api_app_id: "AFAKE0001",
    response_url: options.responseUrl ?? "http://127.0.0.1:9/response/none",
    trigger_id: options.triggerId ?? freshId("tr."),
  }).toString();
}

/** An interaction payload (block_actions, view_submission) as Slack posts it: payload=<json>. */
export function interaction(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface ClickInput {
  user?: string;
  channel: string;
  message: { ts: string; thread_ts?: string; blocks?: unknown[] };
  actionId: string;
  value: string;
  triggerId?: string;
  team?: string;
}

/** block_actions for a button on a message the bot posted. */
export function blockActions(input: ClickInput): Record<string, unknown> {
  return {
    type: "block_actions",
    user: { id: input.user ?? "UALICE01", username: "alice", name: "alice", team_id: input.team ?? "TFAKE0001" },
    api_app_id: "AFAKE0001",
    token: "legacy-verification-token",
    container: {
      type: "message",
      message_ts: input.message.ts,
      channel_id: input.channel,
      is_ephemeral: false,
      ...(input.message.thread_ts ? { thread_ts: input.message.thread_ts } : {}),
    },
    trigger_id: input.triggerId ?? freshId("tr."),
    team: { id: input.team ?? "TFAKE0001", domain: "fake" },
    channel: { id: input.channel, name: input.channel.startsWith("D") ? "directmessage" : "general" },
    message: { type: "message", user: "UBOT0001", bot_id: "BBOT0001", ...input.message },
    response_url: "http://127.0.0.1:9/response/none",
    actions: [{ type: "button", action_id: input.actionId, block_id: "b1", value: input.value, action_ts: `${Date.now() / 1000}` }],
  };
}
