import { AppError, ErrorCodes } from "../../../knowledge/index.js";
import type { Env } from "../../config.js";

/** Slack's Web API when SLACK_API_URL is unset. */
const DEFAULT_SLACK_API_URL = "https://slack.com/api/";

export interface SlackSettings {
  /** HTTP: events, commands and interactivity at /slack/events. Socket: a WebSocket Slack opens to us (no public URL). */
  mode: "http" | "socket";
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  /** Web API base URL, ending in "/" (Bolt appends method names: .../api/chat.postMessage). */
  apiUrl: string;
}

/**
 * The Slack settings from the parsed environment; undefined when no Slack variable is set
 * (the channel is off). A half-configured Slack is an error listing what is missing.
 */
export function slackSettings(env: Env): SlackSettings | undefined {
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken } = env;
  if (!botToken && !signingSecret && !appToken) return undefined;
  const mode = appToken ? "socket" : "http";
  const problems: string[] = [];
  if (!botToken) problems.push("SLACK_BOT_TOKEN: required when Slack is configured (the bot token, xoxb-..., from OAuth & Permissions)");
  if (mode === "http" && !signingSecret) {
    problems.push("SLACK_SIGNING_SECRET: required for the HTTP events endpoint (Basic Information > Signing Secret), or set SLACK_APP_TOKEN for Socket Mode");
  }
  if (appToken && !appToken.startsWith("xapp-"))
    problems.push("SLACK_APP_TOKEN: expected an app-level token starting with xapp- (Basic Information > App-Level Tokens, scope connections:write)");
  if (problems.length > 0 || !botToken) {
    throw new AppError(ErrorCodes.CONFIG_INVALID, `Invalid Slack configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`, {
      hint: "Set the variables above, or unset every SLACK_* variable to turn the Slack channel off. .env.example documents each one.",
    });
  }
  const base = env.SLACK_API_URL ?? DEFAULT_SLACK_API_URL;
  return {
    mode,
    botToken,
    ...(signingSecret ? { signingSecret } : {}),
    ...(appToken ? { appToken } : {}),
    apiUrl: base.endsWith("/") ? base : `${base}/`,
  };
}
