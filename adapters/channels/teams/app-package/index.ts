/** Builds the Teams app package (manifest with this bot's id, icons, zip). */
export { buildAppPackage, TEAMS_APP_DIR } from "./build-app-package.js";
/** Draws the colour and outline icons committed beside it. */
export { drawColorIcon, drawOutlineIcon } from "./draw-icons.js";
/** The Teams manifest schema v1.17 as zod. */
export { TeamsManifestSchema } from "./manifest-schema.js";
/** PNG encoding and decoding for the icons (pngjs). */
export { decodePng, encodePng } from "./png.js";
