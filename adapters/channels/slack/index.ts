/** Creates the Slack channel (HTTP at /slack/events or Socket Mode); undefined when no SLACK_* variable is set. */
export { createSlackChannel, type SlackChannelDeps } from "./create-slack-channel.js";
/** The path Slack posts events, commands and interactivity to. */
export { SLACK_EVENTS_PATH } from "./receivers.js";
/** Reads the Slack settings from the environment; throws a CONFIG_INVALID error listing what is missing. */
export { type SlackSettings, slackSettings } from "./settings.js";
