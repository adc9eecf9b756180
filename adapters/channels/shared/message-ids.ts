/**
 * The Turn.messageId rules every channel follows. The engine answers a messageId once and
 * the runner re-sends its reply only when its delivery failed, so the id must be the same
 * for a platform's retry of one user action and different for a new action:
 * - a typed message: the platform's id of the user's message, stable across retries and
 *   event types (Slack client_msg_id, else the event id; Teams the activity id);
 * - an answer click (是/否/不適用): one per user, item message and item, however often clicked;
 * - any other click, form or command: the id of that one interaction (Slack trigger_id or
 *   view id; Teams the activity id);
 * - the terminal: a new id per line (nothing retries).
 */
export const messageIds = {
  /** A typed message: `msg:` + the platform's message id, or `evt:` + the event id when the message has none. */
  typed: (platformMessageId: string | undefined, eventId: string): string => (platformMessageId ? `msg:${platformMessageId}` : `evt:${eventId}`),
  /** An answer button on an item message. */
  answer: (userId: string, channel: string, messageTs: string, itemId: string): string => `answer:${userId}:${channel}:${messageTs}:${itemId}`,
  /** Another button click, a slash command or a submitted form: the kind and the platform's id of the interaction. */
  interaction: (kind: "act" | "cmd" | "view", id: string): string => `${kind}:${id}`,
  /** Teams: the activity id itself (redeliveries carry the same one). */
  activity: (activityId: string | undefined): string => activityId ?? "",
};
