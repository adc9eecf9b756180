import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { isAppError } from "../../../../knowledge/index.js";
import { loadConfig, loadDotEnv, PROJECT_ROOT } from "../../../config.js";
import { buildAppPackage } from "./build-app-package.js";

// npm run teams:package [-- --out file.zip]: the Teams app package for sideloading or the org catalog.
const { values } = parseArgs({ options: { out: { type: "string", default: "dist/teams-app-package.zip" } } });

try {
  loadDotEnv();
  const config = loadConfig();
  const { version } = JSON.parse(readFileSync(resolve(PROJECT_ROOT, "package.json"), "utf8")) as { version: string };
  const { zip, manifest } = await buildAppPackage({ appId: config.env.MicrosoftAppId, version });
  const out = resolve(process.cwd(), values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  process.stdout.write(
    `Teams app package written: ${out}\n  app id ${manifest.id}, version ${manifest.version}; upload it in Teams (Apps > Manage your apps > Upload an app).\n`,
  );
} catch (error) {
  if (isAppError(error)) {
    process.stderr.write(`${error.message}\n${error.hint ? `Hint: ${error.hint}\n` : ""}`);
  } else {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  }
  process.exitCode = 1;
}
