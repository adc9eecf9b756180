import type { Activity } from "botbuilder";
import type { Turn } from "../../../bot/index.js";
import type { Lang } from "../../../knowledge/index.js";
import { messageIds } from "../shared/message-ids.js";

/** The fields of a turn every Teams activity supplies: who, where, which delivery, which language. */
type TurnBase = Pick<Turn, "channel" | "userId" | "userName" | "conversationId" | "teamId" | "messageId" | "lang">;

interface TeamsChannelData {
  team?: { id?: string };
  tenant?: { id?: string };
}

/**
 * Maps the envelope of a validated activity onto a turn. messageId is the activity id, so a
 * redelivered activity is answered once. Teams already puts the reply chain into a channel's
 * conversation id (`19:…@thread.tacv2;messageid=…`), so each channel thread keeps its own
 * assessment session. The team (or, in chats, the tenant) is what "share" shares with.
 */
export function turnBase(activity: Activity): TurnBase {
  const channelData = (activity.channelData ?? {}) as TeamsChannelData;
  const teamId = channelData.team?.id ?? channelData.tenant?.id ?? activity.conversation.tenantId;
  const lang = langOf(activity.locale);
  return {
    channel: "teams",
    userId: activity.from.id,
    ...(activity.from.name ? { userName: activity.from.name } : {}),
    conversationId: activity.conversation.id,
    ...(teamId ? { teamId } : {}),
    messageId: messageIds.activity(activity.id),
    ...(lang ? { lang } : {}),
  };
}

/** The UI language hint of a locale such as zh-TW or en-US; the engine detects typed text itself. */
export function langOf(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const tag = locale.toLowerCase();
  if (tag.startsWith("en")) return "en";
  if (tag.startsWith("zh")) return "zh";
  return undefined;
}

interface MentionEntity {
  type: string;
  mentioned?: { id?: string };
  text?: string;
}

/**
 * The text the user typed, without the bot's @mention (channels and group chats deliver
 * `<at>Bot</at> question`). Other people's mentions keep their names.
 */
export function messageText(activity: Activity): string {
  let text = activity.text ?? "";
  const botId = activity.recipient?.id;
  for (const entity of (activity.entities ?? []) as MentionEntity[]) {
    if (entity.type === "mention" && entity.mentioned?.id === botId && entity.text) text = text.split(entity.text).join(" ");
  }
  return text
    .replace(/<\/?at>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/[ \t\u00a0]+/g, " ")
    .trim();
}
