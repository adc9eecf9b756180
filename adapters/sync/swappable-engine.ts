import type { Engine } from "../../bot/index.js";

/** An Engine that forwards to the current one, so a sync can put a new corpus under running channels. */
export function createSwappableEngine(initial: Engine): { engine: Engine; swap(next: Engine): void } {
  let current = initial;
  return {
    engine: {
      handle: (turn) => current.handle(turn),
      markDelivered: (turn) => current.markDelivered(turn),
      assessments: (user, lang) => current.assessments(user, lang),
      report: (id, lang, user) => current.report(id, lang, user),
      checklists: (lang) => current.checklists(lang),
    },
    swap(next) {
      current = next;
    },
  };
}
