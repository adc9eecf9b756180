import { closeSync, fsyncSync, mkdirSync, openSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { AppError, ErrorCodes } from "../../knowledge/index.js";

const REASONS: Record<string, string> = {
  EROFS: "read-only file system",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  ENOTDIR: "a path component is a file, not a folder",
};

/** Why DATA_DIR cannot be written, or undefined when it can (creates it, writes and syncs a probe file, removes it). */
export function dataDirProblem(dir: string): string | undefined {
  const probe = join(dir, `.write-probe-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(probe, "w");
    try {
      // A few KiB and an fsync: a full disk fails here rather than on the first answer.
      writeSync(fd, Buffer.alloc(8192));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
      unlinkSync(probe);
    }
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    return `${REASONS[code] ?? (error as Error).message} (${code || "error"})`;
  }
}

/** The one start-up error for a DATA_DIR that cannot hold the answer log or the index. */
export function dataDirError(dir: string, problem: string, what: string): AppError {
  return new AppError(ErrorCodes.STORE_FAILED, `DATA_DIR ${dir} cannot be written: ${problem}. ${what}`, {
    hint: "Set DATA_DIR to a writable folder with free space (default .data in the project). `npm run cli -- ask` runs on a read-only DATA_DIR that already holds an up-to-date index; with DATABASE_URL the answer log is in PostgreSQL instead.",
  });
}
