import { isAppError } from "../../../knowledge/index.js";
import { debugEnabled } from "../../config.js";

/** The CLI's error sink: message and hint on stderr, non-zero exit, no stack unless DEBUG=1. */
export function exitWithError(error: unknown): never {
  if (isAppError(error)) {
    process.stderr.write(`Error [${error.code}]: ${error.message}\n`);
    if (error.hint) process.stderr.write(`Hint: ${error.hint}\n`);
  } else {
    process.stderr.write(`Unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  if (debugEnabled() && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}

/** Prints the usage problem and exits with 2, as CLIs conventionally do. */
export function exitWithUsage(message: string, usage: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}
