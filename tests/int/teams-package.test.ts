import { execFile } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import {
  buildAppPackage,
  decodePng,
  drawColorIcon,
  drawOutlineIcon,
  encodePng,
  TEAMS_APP_DIR,
  TeamsManifestSchema,
} from "../../adapters/channels/teams/app-package/index.js";
import { isAppError } from "../../knowledge/index.js";
import { tempDir } from "../support/corpus.js";

const APP_ID = "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";
const ROOT = resolve(import.meta.dirname, "../..");
const template = JSON.parse(readFileSync(join(TEAMS_APP_DIR, "manifest.json"), "utf8"));
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure");
}

describe("the Teams app package", () => {
  const work = tempDir("teams-package-");
  afterAll(() => work.cleanup());

  it("commits a manifest valid against the v1.17 schema", () => {
    const parsed = TeamsManifestSchema.safeParse(template);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(template.manifestVersion).toBe("1.17");
    expect(template.$schema).toBe("https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json");
    expect(template.bots[0].scopes).toEqual(["personal", "team", "groupChat"]);
  });

  it("the schema rejects what Teams rejects", () => {
    const accepts = (change: Record<string, unknown>) => TeamsManifestSchema.safeParse({ ...template, ...change }).success;
    expect(accepts({ manifestVersion: "1.16" })).toBe(false);
    expect(accepts({ id: "compliance-bot" })).toBe(false);
    expect(accepts({ version: "1.0" })).toBe(false);
    expect(accepts({ name: { short: "x".repeat(31) } })).toBe(false);
    expect(accepts({ description: { short: "x".repeat(81), full: "y" } })).toBe(false);
    expect(accepts({ developer: { ...template.developer, privacyUrl: "http://example.com/privacy" } })).toBe(false);
    expect(accepts({ accentColor: "blue" })).toBe(false);
    expect(accepts({ icons: { color: "https://example.com/color.png", outline: "outline.png" } })).toBe(false);
    expect(accepts({ bots: [{ ...template.bots[0], scopes: ["channel"] }] })).toBe(false);
    expect(accepts({ bots: [template.bots[0], template.bots[0]] })).toBe(false);
    expect(accepts({ unknownProperty: true })).toBe(false);
    const { accentColor: _dropped, ...withoutAccent } = template;
    expect(TeamsManifestSchema.safeParse(withoutAccent).success).toBe(false);
  });

  it("zips manifest.json and both icons at the root, with the configured app id", async () => {
    const { zip, manifest } = await buildAppPackage({ appId: APP_ID, version });
    const archive = await JSZip.loadAsync(zip);
    const names = Object.values(archive.files)
      .filter((f) => !f.dir)
      .map((f) => f.name)
      .sort();
    expect(names).toEqual(["color.png", "manifest.json", "outline.png"]);
    const packed = JSON.parse((await archive.file("manifest.json")?.async("string")) as string);
    expect(packed).toEqual(manifest);
    expect(TeamsManifestSchema.safeParse(packed).success).toBe(true);
    expect(packed.id).toBe(APP_ID);
    expect(packed.bots[0].botId).toBe(APP_ID);
    expect(packed.version).toBe(version);

    const color = await archive.file(packed.icons.color)?.async("uint8array");
    const outline = await archive.file(packed.icons.outline)?.async("uint8array");
    expect(decodePng(color as Uint8Array).info).toMatchObject({ width: 192, height: 192 });
    expect(decodePng(outline as Uint8Array).info).toMatchObject({ width: 32, height: 32, colorType: 6 });
    const pixels = decodePng(outline as Uint8Array).pixels;
    let transparent = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) transparent++;
      else expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(pixels.length / 8);
  });

  it("keeps the committed icons in step with the script that draws them", () => {
    // The same pixels (the PNG bytes depend on the encoder's compression).
    expect(Buffer.from(decodePng(readFileSync(join(TEAMS_APP_DIR, "color.png"))).pixels).equals(Buffer.from(drawColorIcon().pixels))).toBe(true);
    expect(Buffer.from(decodePng(readFileSync(join(TEAMS_APP_DIR, "outline.png"))).pixels).equals(Buffer.from(drawOutlineIcon().pixels))).toBe(true);
  });

  it("refuses to package without an app id, or with icons Teams would reject", async () => {
    const missing = await failure(buildAppPackage({ appId: undefined, version }));
    expect(isAppError(missing, "CONFIG_INVALID")).toBe(true);
    expect(missing.message).toContain("MicrosoftAppId is not set");

    const notGuid = await failure(buildAppPackage({ appId: "my-bot", version }));
    expect(notGuid.message).toMatch(/id: expected a GUID/);

    const dir = join(work.path, "bad-icons");
    cpSync(TEAMS_APP_DIR, dir, { recursive: true });
    writeFileSync(join(dir, "outline.png"), encodePng({ ...drawColorIcon(), width: 192, height: 192 }));
    expect((await failure(buildAppPackage({ appId: APP_ID, version, dir }))).message).toContain("the outline icon must be 32×32 (is 192×192)");
    const red = drawOutlineIcon();
    red.pixels.set([255, 0, 0, 255], 0);
    writeFileSync(join(dir, "outline.png"), encodePng(red));
    expect((await failure(buildAppPackage({ appId: APP_ID, version, dir }))).message).toContain("white on a transparent background");
  });

  it("npm run teams:package writes the zip from the environment's MicrosoftAppId", async () => {
    const out = join(work.path, "app.zip");
    const run = await promisify(execFile)(process.execPath, ["--import", "tsx", "adapters/channels/teams/app-package/package-main.ts", "--out", out], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, MicrosoftAppId: APP_ID, LOG_LEVEL: "silent" },
    });
    expect(run.stdout).toContain(`app id ${APP_ID}`);
    const archive = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(archive.files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts["teams:package"]).toBe(
      "tsx adapters/channels/teams/app-package/package-main.ts",
    );
  });
});
