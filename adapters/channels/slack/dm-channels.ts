import { LRUCache } from "lru-cache";
import type { WebClient } from "./web-client.js";

/**
 * The direct-message channel between the bot and a user (conversations.open, scope
 * im:write), where assessments run by default and reports are delivered. Cached: the
 * channel id of a DM never changes.
 */
export function createDmChannels(client: WebClient) {
  const cache = new LRUCache<string, string>({ max: 10_000 });
  return {
    async open(userId: string): Promise<string> {
      const known = cache.get(userId);
      if (known) return known;
      const result = await client.conversations.open({ users: userId });
      const id = result.channel?.id;
      if (!id) throw new Error("conversations.open returned no channel");
      cache.set(userId, id);
      return id;
    },
    /** Records a DM channel seen in an event (message.im), saving a call later. */
    remember(userId: string, channel: string): void {
      cache.set(userId, channel);
    },
  };
}

export type DmChannels = ReturnType<typeof createDmChannels>;
