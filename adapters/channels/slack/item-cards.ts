import { LRUCache } from "lru-cache";
import type { Block } from "./blocks/mrkdwn.js";

/** An item message that still has its buttons. */
export interface ItemCard {
  channel: string;
  ts: string;
  assessmentId: string;
  itemId: string;
  /** The blocks as posted; kept so the message can be closed without re-rendering. */
  blocks: Block[];
}

/**
 * The live item message of each conversation, so that an answer typed instead of clicked
 * still updates it. In memory only: after a restart the old message keeps its buttons,
 * and they still work (every button names its assessment and item).
 */
export function createItemCards(max = 10_000) {
  const cards = new LRUCache<string, ItemCard>({ max });
  return {
    get: (conversationId: string) => cards.get(conversationId),
    set: (conversationId: string, card: ItemCard) => cards.set(conversationId, card),
    delete: (conversationId: string) => cards.delete(conversationId),
  };
}

export type ItemCards = ReturnType<typeof createItemCards>;
