import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { PROJECT_ROOT } from "../../../config.js";
import { drawColorIcon, drawOutlineIcon } from "./draw-icons.js";
import { encodePng } from "./png.js";

// Redraws color.png and outline.png in this folder (committed; run after changing draw-icons.ts).
const dir = resolve(PROJECT_ROOT, "adapters/channels/teams/app-package");
writeFileSync(resolve(dir, "color.png"), encodePng(drawColorIcon()));
writeFileSync(resolve(dir, "outline.png"), encodePng(drawOutlineIcon()));
process.stdout.write(`wrote ${dir}/color.png and ${dir}/outline.png\n`);
