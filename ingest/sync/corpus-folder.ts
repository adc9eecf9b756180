import { existsSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The synced corpus lives in DATA_DIR/corpus: one folder per version, and `current`, a
 * symbolic link to the one in use. A sync writes a new folder completely, then replaces
 * the link with rename(2), which is atomic: readers see the old corpus or the new one,
 * never half of either.
 */
export const CURRENT = "current";

/** Writes a complete corpus folder for `version` (zh/PCODE.json, en/PCODE.json) and returns its path. */
export function writeCorpusFolder(root: string, version: string, files: Array<{ rel: string; read(): string }>): string {
  mkdirSync(root, { recursive: true });
  const name = `v${version.replaceAll("-", "")}-${Date.now().toString(36)}`;
  const staging = join(root, `.staging-${name}`);
  rmSync(staging, { recursive: true, force: true });
  for (const file of files) {
    const path = join(staging, file.rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.read());
  }
  const final = join(root, name);
  renameSync(staging, final);
  return final;
}

/** The folder `current` points to, if any. */
export function currentFolder(root: string): string | undefined {
  try {
    return join(root, readlinkSync(join(root, CURRENT)));
  } catch {
    return undefined;
  }
}

/** Points `current` at `folder` atomically; returns the folder it pointed to before. */
export function swapCurrent(root: string, folder: string): string | undefined {
  const before = currentFolder(root);
  const link = join(root, `.${CURRENT}-${process.pid}-${Date.now()}`);
  symlinkSync(folder.slice(root.length + 1), link);
  renameSync(link, join(root, CURRENT));
  return before;
}

/** Removes every version folder but the current one and `keep` (the previous, for a manual roll-back). */
export function pruneFolders(root: string, keep?: string): void {
  const current = currentFolder(root);
  for (const name of existsSync(root) ? readdirSync(root) : []) {
    const path = join(root, name);
    if (name === CURRENT || path === current || path === keep) continue;
    if (/^v\d{8}-|^\.staging-/.test(name)) rmSync(path, { recursive: true, force: true });
  }
}
