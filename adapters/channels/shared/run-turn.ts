import type { Engine, Logger, Reply, Turn, TurnHooks } from "../../../bot/index.js";
import { isAppError, type Lang } from "../../../knowledge/index.js";
import { channelTexts } from "./texts.js";

/** How a channel reaches its user in one turn. */
interface TurnDelivery {
  /** Sends the reply; throws when it did not reach the user. */
  deliver(reply: Reply): Promise<void>;
  /** Tells the user briefly that the turn failed (the text carries the request id); errors here are logged, not thrown. */
  tellFailure(text: string): Promise<void>;
}

export interface TurnJob {
  turn: Turn;
  requestId: string;
  /** Language of our own messages (errors) when the engine never answered. */
  lang: Lang;
  /** Child logger with the request id, channel, user and conversation. */
  log: Logger;
  /** What the channel shows while the turn runs (a working state while a model writes). */
  hooks?: TurnHooks;
}

export type TurnResult =
  | { status: "delivered"; reply: Reply }
  /** The platform retried a turn whose reply had reached the user: nothing was sent. */
  | { status: "already-delivered"; reply: Reply }
  | { status: "failed"; stage: "engine" | "timeout" | "delivery"; reply?: Reply };

interface TurnRunnerOptions {
  engine: Engine;
  /** TURN_TIMEOUT_MS: longest wait for the engine. */
  timeoutMs: number;
  /**
   * REDELIVER_AFTER_MS: an undelivered recorded reply younger than this is taken to be still
   * on its way (another replica got the same event and is posting it) and is not sent again.
   */
  redeliverAfterMs: number;
}

/**
 * One engine turn for any channel, the same way everywhere: the engine (with a timeout),
 * then the channel's delivery, then the delivered mark in the answer log. A retry of a turn
 * whose delivery failed is delivered again; one whose reply arrived sends nothing. Any
 * failure gives the user a short message with the request id, and the detail goes to the log.
 * Channels run it inside their per-conversation queue, so a retry waits for the turn it repeats.
 */
export function createTurnRunner(options: TurnRunnerOptions) {
  return async function runTurn(job: TurnJob, delivery: TurnDelivery): Promise<TurnResult> {
    const { log, turn } = job;
    const started = performance.now();
    let reply: Reply;
    try {
      reply = await withTimeout(options.engine.handle(turn, job.hooks), options.timeoutMs);
    } catch (error) {
      const timedOut = error instanceof TurnTimeout;
      if (timedOut) log.warn({ message: turn.messageId, timeoutMs: options.timeoutMs }, "engine turn timed out");
      else
        log.error(
          { message: turn.messageId, err: (error as Error).message, code: isAppError(error) ? error.code : undefined, stack: (error as Error).stack },
          "engine failed",
        );
      const t = channelTexts(job.lang);
      await tell(delivery, timedOut ? t.timedOut(job.requestId) : t.failed(job.requestId), log);
      return { status: "failed", stage: timedOut ? "timeout" : "engine" };
    }
    const engineMs = Math.round(performance.now() - started);
    if (reply.duplicate && reply.delivered) {
      log.info({ message: turn.messageId, engineMs, reason: "delivered" }, "retry of a recorded turn: nothing sent");
      return { status: "already-delivered", reply };
    }
    const ageMs = reply.recordedAt ? Date.now() - Date.parse(reply.recordedAt) : Number.POSITIVE_INFINITY;
    if (reply.duplicate && ageMs < options.redeliverAfterMs) {
      log.info({ message: turn.messageId, engineMs, ageMs, reason: "on its way" }, "retry of a recorded turn: nothing sent");
      return { status: "already-delivered", reply };
    }
    try {
      await delivery.deliver(reply);
    } catch (error) {
      // Not marked delivered: the platform's retry of this message sends the recorded reply again.
      log.error({ message: turn.messageId, err: (error as Error).message, stack: (error as Error).stack }, "delivery failed");
      await tell(delivery, channelTexts(reply.lang).failed(job.requestId), log);
      return { status: "failed", stage: "delivery", reply };
    }
    try {
      await options.engine.markDelivered(turn);
    } catch (error) {
      log.error({ message: turn.messageId, err: (error as Error).message }, "could not mark the reply delivered");
    }
    log.info(
      { message: turn.messageId, engineMs, deliverMs: Math.round(performance.now() - started) - engineMs, redelivered: Boolean(reply.duplicate) },
      "turn delivered",
    );
    return { status: "delivered", reply };
  };
}

export type TurnRunner = ReturnType<typeof createTurnRunner>;

class TurnTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TurnTimeout(`no reply within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function tell(delivery: TurnDelivery, text: string, log: Logger): Promise<void> {
  try {
    await delivery.tellFailure(text);
  } catch (error) {
    log.error({ err: (error as Error).message }, "could not tell the user about the failure");
  }
}
