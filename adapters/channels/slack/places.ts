/** Where messages go: a channel (a DM or a channel), optionally inside a thread. */
export interface Place {
  channel: string;
  threadTs?: string;
}

/** Where a reply is delivered: posted for everyone in the place, or shown to one user only. */
export type Destination =
  | { kind: "post"; place: Place }
  /** Ephemeral: through the command's response_url when there is one (works where the bot is not a member), else chat.postEphemeral. */
  | { kind: "ephemeral"; channel: string; user: string; threadTs?: string; responseUrl?: string };

/**
 * The engine's conversation: a thread (channel + thread ts) or a whole DM channel.
 * Assessment state and follow-up context are kept per user and conversation.
 */
export function conversationIdOf(place: Place): string {
  return place.threadTs ? `${place.channel}:${place.threadTs}` : place.channel;
}

/** Direct-message channel ids start with D (https://docs.slack.dev/reference/objects/conversation-object). */
export function isDmChannel(channel: string | undefined): boolean {
  return Boolean(channel?.startsWith("D"));
}
