/** Creates the Slack channel (HTTP at /slack/events or Socket Mode); undefined when no SLACK_* variable is set. */
export { createSlackChannel, type SlackChannelDeps } from "./create-slack-channel.js";
/** The path Slack posts events, commands and interactivity to. */
export { SLACK_EVENTS_PATH } from "./receivers.js";
