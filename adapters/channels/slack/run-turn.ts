import type { Logger, Reply, Turn } from "../../../bot/index.js";
import type { Lang } from "../../../knowledge/index.js";
import type { TurnResult } from "../shared/run-turn.js";
import { section } from "./blocks/mrkdwn.js";
import { errorSummary } from "./bot-identity.js";
import { type Delivery, deliverReply } from "./deliver-reply.js";
import type { SlackHandlerDeps } from "./handler-deps.js";
import type { Destination } from "./places.js";
import { createWorkingState, type Placeholder } from "./working-state.js";

export interface TurnJob extends Delivery {
  turn: Omit<Turn, "channel">;
  requestId: string;
  /** Language of our own messages (errors) when the engine never answered. */
  lang: Lang;
  /** Notices of the adapter, shown with the reply (they join the message of an answer). */
  notices?: Array<{ text: string; tone: "info" | "warning" }>;
}

/**
 * One Slack turn after the acknowledgement, through the shared runner (engine with a
 * timeout, delivery, delivered mark), one at a time per conversation: two replies posted at
 * once could interleave in a thread, and a retry waits for the turn it repeats.
 */
export function runTurn(rt: SlackHandlerDeps, job: TurnJob): Promise<Reply | undefined> {
  return rt.serial(job.conversationId, async () => {
    const log = rt.logger.child({ requestId: job.requestId, user: job.turn.userId, conversation: job.turn.conversationId, message: job.turn.messageId });
    const notices = (job.notices ?? []).map((n) => ({ kind: "notice" as const, text: n.text, tone: n.tone }));
    const working = createWorkingState(rt.poster, job.destination, job.lang, log);
    const result: TurnResult = await rt.runTurn(
      { turn: { channel: "slack", ...job.turn }, requestId: job.requestId, lang: job.lang, log, hooks: working.hooks },
      {
        deliver: async (reply) => {
          const placeholder = await working.placeholder();
          const delivery = placeholder ? { ...job, placeholder } : job;
          const posted = await deliverReply(rt, { ...reply, parts: [...reply.parts, ...notices] }, delivery, log);
          log.info({ parts: reply.parts.map((p) => p.kind), posted }, "slack reply posted");
        },
        tellFailure: async (text) => sendFailure(rt, job.destination, text, log, await working.placeholder()),
      },
    );
    return result.reply;
  });
}

/** The short failure message with the request id, where the user will see it (in place of the working state, if any). */
export async function sendFailure(rt: SlackHandlerDeps, destination: Destination, text: string, log: Logger, placeholder?: Placeholder): Promise<void> {
  const message = { text, blocks: [section(`❗ ${text}`)] };
  try {
    // A working state left behind would promise an answer that is not coming.
    if (placeholder) await rt.poster.update(placeholder.channel, placeholder.ts, message);
    else await rt.poster.send(destination, message);
  } catch (error) {
    log.error({ error: errorSummary(error) }, "could not tell the user about the failure");
  }
}
