import { z } from "zod";

/**
 * The parts of Slack's payloads this adapter reads, validated at the boundary
 * (https://docs.slack.dev/reference/events, .../interaction-payloads). Unknown fields pass.
 */
const id = z.string().min(1).max(255);

export const MessageEventSchema = z.object({
  type: z.enum(["app_mention", "message"]),
  user: id.optional(),
  text: z.string().optional(),
  ts: id,
  thread_ts: id.optional(),
  channel: id,
  channel_type: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  client_msg_id: z.string().optional(),
});

export const EventEnvelopeSchema = z.object({
  team_id: id.optional(),
  event_id: id,
  event: z.object({ type: z.string() }).passthrough(),
  authorizations: z.array(z.object({ user_id: z.string().optional(), is_bot: z.boolean().optional() })).optional(),
});

export const HomeOpenedEventSchema = z.object({ type: z.literal("app_home_opened"), user: id, tab: z.string().optional() });

export const CommandSchema = z.object({
  command: z.string(),
  text: z.string().default(""),
  user_id: id,
  channel_id: id,
  team_id: id.optional(),
  trigger_id: id,
  response_url: z.string().url().optional(),
});

export const BlockActionsSchema = z.object({
  type: z.literal("block_actions"),
  user: z.object({ id, name: z.string().optional(), team_id: z.string().optional() }),
  team: z.object({ id }).nullish(),
  trigger_id: id,
  channel: z.object({ id }).nullish(),
  container: z
    .object({
      type: z.string(),
      message_ts: z.string().optional(),
      channel_id: z.string().optional(),
      thread_ts: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .passthrough(),
  message: z
    .object({ ts: id, thread_ts: z.string().optional(), blocks: z.array(z.object({ type: z.string() }).passthrough()).optional() })
    .passthrough()
    .optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional(), action_ts: z.string().optional() }).passthrough()).min(1),
  response_url: z.string().url().optional(),
});

export const ViewSubmissionSchema = z.object({
  type: z.literal("view_submission"),
  user: z.object({ id, team_id: z.string().optional() }),
  team: z.object({ id }).nullish(),
  view: z.object({
    id,
    callback_id: z.string(),
    private_metadata: z.string().default(""),
    state: z.object({
      values: z.record(
        z.record(z.object({ type: z.string(), value: z.string().nullish(), selected_option: z.object({ value: z.string() }).nullish() }).passthrough()),
      ),
    }),
  }),
});

export const NoteOriginSchema = z.object({
  assessmentId: id,
  itemId: id,
  lang: z.enum(["zh", "en"]),
  channel: id.optional(),
  ts: id.optional(),
  threadTs: id.optional(),
  teamId: id.optional(),
});

/** Payload types Bolt dispatches; anything else is answered 400 at once instead of timing out. */
export function isKnownPayload(body: unknown): boolean {
  if (!body || typeof body !== "object") return false;
  const b = body as Record<string, unknown>;
  if (typeof b.command === "string") return true;
  if (b.ssl_check) return true;
  return (
    typeof b.type === "string" &&
    [
      "event_callback",
      "url_verification",
      "block_actions",
      "view_submission",
      "view_closed",
      "block_suggestion",
      "shortcut",
      "message_action",
      "interactive_message",
    ].includes(b.type)
  );
}

const UserRefSchema = z.object({ id: z.string() }).passthrough();

/**
 * What Bolt itself reads of each payload type before any listener runs (event.type,
 * actions[0], user.id, view.callback_id ...). A signed body without it would throw inside
 * Bolt (HTTP 500, and Slack retries it for hours): such bodies are acknowledged and logged.
 */
const BoltShapes: Record<string, z.ZodTypeAny> = {
  event_callback: z.object({ event: z.object({ type: z.string() }).passthrough() }).passthrough(),
  block_actions: z.object({ user: UserRefSchema, actions: z.array(z.object({}).passthrough()) }).passthrough(),
  block_suggestion: z.object({ user: UserRefSchema }).passthrough(),
  view_submission: z.object({ user: UserRefSchema, view: z.object({ callback_id: z.string() }).passthrough() }).passthrough(),
  view_closed: z.object({ user: UserRefSchema, view: z.object({ callback_id: z.string() }).passthrough() }).passthrough(),
  shortcut: z.object({ user: UserRefSchema, callback_id: z.string() }).passthrough(),
  message_action: z.object({ user: UserRefSchema, callback_id: z.string() }).passthrough(),
  interactive_message: z.object({ user: UserRefSchema, callback_id: z.string() }).passthrough(),
};

/** A short description of what a known payload lacks for Bolt to dispatch it; undefined when it is well formed. */
export function structureProblem(body: unknown): string | undefined {
  const b = body as Record<string, unknown>;
  if (typeof b.command === "string")
    return typeof b.user_id === "string" && typeof b.channel_id === "string" ? undefined : "command without user_id or channel_id";
  const shape = typeof b.type === "string" ? BoltShapes[b.type] : undefined;
  const parsed = shape?.safeParse(body);
  if (!parsed || parsed.success) return undefined;
  return parsed.error.issues
    .slice(0, 3)
    .map((i) => `${b.type}.${i.path.join(".")}: ${i.message}`)
    .join("; ");
}
