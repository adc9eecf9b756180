import type { Engine, Reply, Turn } from "../../bot/index.js";

/**
 * An Engine fake for channel tests that need no corpus: `handle` as given (an empty reply by
 * default), nothing to list, no reports; delivered marks are recorded in `marked`.
 */
export function fakeEngine(handle: (turn: Turn) => Promise<Reply> = async () => ({ lang: "zh", parts: [] })): Engine & { marked: string[] } {
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
