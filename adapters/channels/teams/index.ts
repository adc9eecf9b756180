/** The Teams channel for the shared HTTP server: POST /api/messages and report downloads. */
export { createTeamsChannel } from "./create-teams-channel.js";
/** Whether Teams is on, and how its requests are authenticated. */
export { teamsMode } from "./settings.js";
