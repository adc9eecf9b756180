import type { Logger, Reply, Turn } from "../../../bot/index.js";
import { isAppError, type Lang } from "../../../knowledge/index.js";
import { section } from "./blocks/mrkdwn.js";
import { errorSummary } from "./bot-identity.js";
import { type Delivery, deliverReply } from "./deliver-reply.js";
import type { SlackHandlerDeps } from "./handler-deps.js";
import type { Destination } from "./places.js";
import { slackTexts } from "./texts.js";

export interface TurnJob extends Delivery {
  turn: Omit<Turn, "channel">;
  requestId: string;
  /** Language of our own messages (errors) when the engine never answered. */
  lang: Lang;
  /** Notices of the adapter, shown with the reply (they join the message of an answer). */
  notices?: Array<{ text: string; tone: "info" | "warning" }>;
}

/**
 * One turn after the acknowledgement: the engine, then the delivery. A failure anywhere
 * gives the user a short message with the request id (never a stack trace); the detail
 * goes to the log. A redelivery the engine already answered posts nothing.
 */
export function runTurn(rt: SlackHandlerDeps, job: TurnJob): Promise<Reply | undefined> {
  return rt.serial(job.conversationId, () => turn(rt, job));
}

async function turn(rt: SlackHandlerDeps, job: TurnJob): Promise<Reply | undefined> {
  const log = rt.logger.child({ requestId: job.requestId, user: job.turn.userId, conversation: job.turn.conversationId, message: job.turn.messageId });
  const started = performance.now();
  let reply: Reply;
  try {
    reply = await rt.engine.handle({ channel: "slack", ...job.turn });
  } catch (error) {
    log.error({ error: errorSummary(error), code: isAppError(error) ? error.code : undefined, stack: (error as Error).stack }, "engine failed on a slack turn");
    await sendFailure(rt, job.destination, job.lang, job.requestId, log);
    return undefined;
  }
  const engineMs = Math.round(performance.now() - started);
  if (reply.duplicate) {
    log.info({ engineMs }, "slack redelivery already answered; nothing posted");
    return reply;
  }
  const notices = (job.notices ?? []).map((n) => ({ kind: "notice" as const, text: n.text, tone: n.tone }));
  try {
    const posted = await deliverReply(rt, { ...reply, parts: [...reply.parts, ...notices] }, job, log);
    log.info(
      { engineMs, deliverMs: Math.round(performance.now() - started) - engineMs, parts: reply.parts.map((p) => p.kind), posted },
      "slack turn delivered",
    );
  } catch (error) {
    log.error({ error: errorSummary(error), stack: (error as Error).stack }, "slack delivery failed");
    await sendFailure(rt, job.destination, reply.lang, job.requestId, log);
  }
  return reply;
}

/** The short failure message with the request id, where the user will see it. */
export async function sendFailure(rt: SlackHandlerDeps, destination: Destination, lang: Lang, requestId: string, log: Logger): Promise<void> {
  const text = slackTexts(lang).failed(requestId);
  try {
    await rt.poster.send(destination, { text, blocks: [section(`❗ ${text}`)] });
  } catch (error) {
    log.error({ error: errorSummary(error) }, "could not tell the user about the failure");
  }
}
