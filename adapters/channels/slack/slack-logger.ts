import { LogLevel, type Logger as SlackLogger } from "@slack/bolt";
import type { Logger } from "../../../bot/index.js";

/**
 * Bolt, the Web API client and the Socket Mode client log through our logger. Their
 * debug output includes whole request bodies (user text), so debug is dropped here:
 * message text never reaches the log through the SDK.
 */
export function toSlackLogger(logger: Logger, name = "slack-sdk"): SlackLogger {
  let level: LogLevel = LogLevel.INFO;
  let bound = logger.child({ component: name });
  const line = (messages: unknown[]) => messages.map((m) => (m instanceof Error ? m.message : typeof m === "string" ? m : JSON.stringify(m))).join(" ");
  return {
    debug: () => {},
    info: (...messages) => bound.info({}, line(messages)),
    warn: (...messages) => bound.warn({}, line(messages)),
    error: (...messages) => bound.error({}, line(messages)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next) => {
      bound = logger.child({ component: next });
    },
  };
}
