import type { Logger } from "../../../bot/index.js";
import { errorSummary } from "./bot-identity.js";

/** Waits between connection attempts while Slack is unreachable. */
const RETRY_DELAYS_MS = [5_000, 15_000, 60_000, 300_000];

/**
 * Keeps a Socket Mode connection up. The Socket Mode client reconnects on its own once
 * connected, but gives up when the first apps.connections.open fails (no network, a bad
 * token): the outage is logged and the connection tried again, the process stays up.
 */
export function keepSocketConnected(start: () => Promise<unknown>, stop: () => Promise<unknown>, logger: Logger, delays = RETRY_DELAYS_MS) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  async function attempt(n: number): Promise<void> {
    if (stopped) return;
    try {
      await start();
      logger.info({}, "slack socket mode connected");
    } catch (error) {
      if (stopped) return;
      const wait = delays[Math.min(n, delays.length - 1)] ?? 60_000;
      logger.warn({ error: errorSummary(error), retryInMs: wait, attempt: n + 1 }, "slack socket mode could not connect; will retry");
      timer = setTimeout(() => void attempt(n + 1), wait);
      timer.unref();
    }
  }

  void attempt(0);
  return {
    async close(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await stop().catch((error: unknown) => logger.warn({ error: errorSummary(error) }, "slack socket mode stop failed"));
    },
  };
}
