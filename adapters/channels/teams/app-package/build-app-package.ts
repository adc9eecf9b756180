import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import JSZip from "jszip";
import { AppError, ErrorCodes } from "../../../../knowledge/index.js";
import { PROJECT_ROOT } from "../../../config.js";
import { type TeamsManifest, TeamsManifestSchema } from "./manifest-schema.js";
import { decodePng } from "./png.js";

/** Where manifest.json and the icons live. */
export const TEAMS_APP_DIR = resolve(PROJECT_ROOT, "adapters/channels/teams/app-package");

/** Icon sizes Teams requires (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package). */
const ICON_SIZES = { color: 192, outline: 32 } as const;

interface AppPackageOptions {
  /** MicrosoftAppId: the bot id, and the Teams app id too (one registration, one id). */
  appId: string | undefined;
  /** The app version shown in Teams; raise it for every upload that replaces an earlier one. */
  version: string;
  dir?: string;
}

interface AppPackage {
  manifest: TeamsManifest;
  /** The zip: manifest.json, color.png and outline.png at its root. */
  zip: Buffer;
}

/** Builds the Teams app package: the manifest with this bot's id, validated, and the checked icons, zipped. */
export async function buildAppPackage(options: AppPackageOptions): Promise<AppPackage> {
  const dir = options.dir ?? TEAMS_APP_DIR;
  if (!options.appId) {
    throw new AppError(ErrorCodes.CONFIG_INVALID, "MicrosoftAppId is not set: the Teams app package needs the bot's Microsoft App ID.", {
      hint: "Register the bot in Azure (README, Microsoft Teams) and set MicrosoftAppId in .env or the environment.",
    });
  }
  const template = readJson(join(dir, "manifest.json"));
  const bots = Array.isArray(template.bots) ? template.bots.map((bot: Record<string, unknown>) => ({ ...bot, botId: options.appId })) : template.bots;
  const parsed = TeamsManifestSchema.safeParse({ ...template, id: options.appId, version: options.version, bots });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".") || "(manifest)"}: ${issue.message}`);
    throw new AppError(ErrorCodes.CONFIG_INVALID, `The Teams manifest is not valid (schema 1.17):\n${lines.join("\n")}`, {
      hint: "Fix adapters/channels/teams/app-package/manifest.json, or MicrosoftAppId (a GUID) and the version in package.json (x.y.z).",
    });
  }
  const manifest = parsed.data;
  const zip = new JSZip();
  // A fixed date keeps the package byte-identical for the same inputs.
  const date = new Date("2024-01-01T00:00:00Z");
  zip.file("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`, { date });
  for (const [kind, size] of Object.entries(ICON_SIZES) as Array<[keyof typeof ICON_SIZES, number]>) {
    const path = manifest.icons[kind];
    const icon = readIcon(join(dir, path), kind, size);
    zip.file(path, icon, { date });
  }
  return { manifest, zip: await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }) };
}

function readJson(path: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new AppError(ErrorCodes.CONFIG_INVALID, `${path}: cannot be read as JSON (${(error as Error).message})`, { cause: error });
  }
}

/** Teams rejects a package whose colour icon is not 192×192 or whose outline icon is not a 32×32 white-on-transparent PNG. */
function readIcon(path: string, kind: keyof typeof ICON_SIZES, size: number): Buffer {
  let png: Buffer;
  try {
    png = readFileSync(path);
  } catch (error) {
    throw new AppError(ErrorCodes.CONFIG_INVALID, `${path}: the ${kind} icon is missing`, {
      cause: error,
      hint: "Run npx tsx adapters/channels/teams/app-package/icons-main.ts",
    });
  }
  const { info, pixels } = decodePng(png);
  if (info.width !== size || info.height !== size)
    throw new AppError(ErrorCodes.CONFIG_INVALID, `${path}: the ${kind} icon must be ${size}×${size} (is ${info.width}×${info.height})`);
  if (kind === "outline") {
    for (let i = 0; i < pixels.length; i += 4) {
      const white = pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255;
      if (pixels[i + 3] !== 0 && !white) throw new AppError(ErrorCodes.CONFIG_INVALID, `${path}: the outline icon must be white on a transparent background`);
    }
  }
  return png;
}
