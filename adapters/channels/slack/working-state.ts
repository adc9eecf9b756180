import type { Logger, TurnHooks } from "../../../bot/index.js";
import type { Lang } from "../../../knowledge/index.js";
import { context } from "./blocks/mrkdwn.js";
import { errorSummary } from "./bot-identity.js";
import type { Destination } from "./places.js";
import type { Poster } from "./slack-poster.js";

/** A posted message that stands for the answer while a model writes it. */
export interface Placeholder {
  channel: string;
  ts: string;
}

export interface WorkingState {
  /** Passed to the engine: posts the placeholder when a model starts writing. */
  hooks: TurnHooks;
  /** The placeholder once posted (undefined when none was needed or posting failed). */
  placeholder(): Promise<Placeholder | undefined>;
}

const WORKING: Record<Lang, string> = {
  zh: "⏳ 正在依引用條文整理答案…",
  en: "⏳ Writing the answer from the cited clauses…",
};

/**
 * A visible working state while a configured model writes the answer (seconds, up to
 * LLM_TIMEOUT_MS): a placeholder message in the thread, which the answer then replaces in
 * place (chat.update). Only for posted replies: an ephemeral message cannot be updated.
 */
export function createWorkingState(poster: Poster, destination: Destination, lang: Lang, log: Logger): WorkingState {
  let posted: Promise<Placeholder | undefined> | undefined;
  return {
    hooks: {
      onModelStart: () => {
        if (destination.kind !== "post" || posted) return;
        const channel = destination.place.channel;
        posted = poster
          .send(destination, { text: WORKING[lang], blocks: [context(WORKING[lang])] })
          .then((ts) => (ts ? { channel, ts } : undefined))
          .catch((error: unknown) => {
            log.warn({ error: errorSummary(error) }, "could not post the working state; the answer is posted when ready");
            return undefined;
          });
      },
    },
    placeholder: () => posted ?? Promise.resolve(undefined),
  };
}
