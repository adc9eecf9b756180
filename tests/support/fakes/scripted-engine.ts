import type { Engine, Reply, Turn } from "../../../bot/index.js";

/**
 * An Engine whose turns are scripted, for channel tests that need neither corpus nor store: `handle` as given (an empty reply by
 * default), nothing to list, no reports; delivered marks are recorded in `marked`.
 */
export function scriptedEngine(handle: (turn: Turn) => Promise<Reply> = async () => ({ lang: "zh", parts: [] })): Engine & { marked: string[] } {
  const marked: string[] = [];
  return {
    marked,
    handle,
    async markDelivered(turn) {
      marked.push(turn.messageId);
    },
    assessments: async () => [],
    report: async () => undefined,
    checklists: () => [],
  };
}
