import { type Logger as SlackLogger, webApi } from "@slack/bolt";
import type { Logger } from "../../../bot/index.js";
import type { SlackSettings } from "./settings.js";

export type WebClient = webApi.WebClient;
type RetryOptions = webApi.RetryOptions;

/**
 * Retries of a Web API call. HTTP 429 is honoured by the client itself: it pauses its queue
 * for Retry-After seconds (https://docs.slack.dev/apis/web-api/rate-limits) before the retry;
 * other failures back off from 250 ms. About 8 s in all, so a reply is late rather than
 * lost during a short outage, and a long outage is logged instead of hanging requests.
 */
const WEB_API_RETRIES: RetryOptions = { retries: 5, factor: 2, minTimeout: 250, maxTimeout: 4000, randomize: true };

export interface WebClientOptions {
  retryConfig?: RetryOptions;
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number;
}

/** The Web API client of the bot token, pointed at SLACK_API_URL. */
export function createWebClient(settings: SlackSettings, slackLogger: SlackLogger, logger: Logger, options: WebClientOptions = {}): WebClient {
  const client = new webApi.WebClient(settings.botToken, clientOptions(settings, slackLogger, options));
  client.on(webApi.WebClientEvent.RATE_LIMITED, (retryAfter: number, details: { url?: string }) => {
    logger.warn({ retryAfterSeconds: retryAfter, method: details.url?.split("/").pop() }, "slack rate limited; waiting for Retry-After");
  });
  return client;
}

/** Options shared by our client, Bolt's and the Socket Mode client's. */
export function clientOptions(settings: SlackSettings, slackLogger: SlackLogger, options: WebClientOptions = {}): webApi.WebClientOptions {
  return {
    slackApiUrl: settings.apiUrl,
    logger: slackLogger,
    retryConfig: options.retryConfig ?? WEB_API_RETRIES,
    timeout: options.timeoutMs ?? 10_000,
  };
}
