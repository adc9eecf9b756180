import { pino } from "pino";
import type { Logger } from "../bot/index.js";

/** JSON-lines logger on stderr (stdout stays clean for answers and --json output). */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return wrap(pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination as pino.DestinationStream));
}

function wrap(logger: pino.Logger): Logger {
  return {
    info: (fields, message) => logger.info(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    error: (fields, message) => logger.error(fields, message),
    child: (bindings) => wrap(logger.child(bindings)),
  };
}
