/** Builds the Teams app package (manifest with this bot's id, icons, zip). */
export { type AppPackage, type AppPackageOptions, buildAppPackage, TEAMS_APP_DIR } from "./build-app-package.js";
/** Draws the colour and outline icons committed beside it. */
export { ACCENT, drawColorIcon, drawOutlineIcon } from "./draw-icons.js";
/** The Teams manifest schema v1.17 as zod. */
export { type TeamsManifest, TeamsManifestSchema } from "./manifest-schema.js";
/** PNG encoding and decoding for the icons (pngjs). */
export { decodePng, encodePng } from "./png.js";
