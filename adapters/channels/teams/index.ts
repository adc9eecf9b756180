/** The data every card button carries, and its decoding into an engine action. */
export { type CardData, CardDataSchema, parseCardData } from "./card-data.js";
/** The Teams channel for the shared HTTP server: POST /api/messages and report downloads. */
export { createTeamsChannel } from "./create-teams-channel.js";
/** Whether Teams is on, and how its requests are authenticated. */
export { type TeamsMode, teamsMode } from "./settings.js";
